/**
 * A separate session LISTENing on the doorbell channel, as a sleeping relay
 * does: it holds the doorbell lock (shared), so writers ring for it.
 */
import { Client, type Notification } from 'pg';
import { waitUntil } from './wait';

export const CHANNEL = 'bellhop_notifications';

export class Listener {
  readonly received: Notification[] = [];

  private constructor(private readonly client: Client) {
    client.on('notification', (message) => {
      if (message.channel === CHANNEL) this.received.push(message);
    });
  }

  static async start(url: string): Promise<Listener> {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query(`listen ${CHANNEL}`);
    await client.query('select app_private.doorbell_sleep()');
    return new Listener(client);
  }

  /**
   * Sends a uniquely marked NOTIFY from another session and waits for it:
   * anything committed earlier has arrived by then. Returns what came before it.
   */
  async drain(sender: Client, since: number): Promise<Notification[]> {
    const marker = `sentinel-${Math.random().toString(36).slice(2)}`;
    await sender.query('select pg_notify($1, $2)', [CHANNEL, marker]);
    let index = -1;
    await waitUntil(
      () => (index = this.received.findIndex((message, i) => i >= since && message.payload === marker)) >= 0,
      () => `the sentinel NOTIFY on ${CHANNEL}`,
    );
    this.received.splice(index, 1);
    return this.received.slice(since, index);
  }

  /** Holds the doorbell lock (asleep: writers ring) or lets it go (polling: they need not). */
  async sleep(asleep: boolean): Promise<void> {
    await this.client.query(asleep ? 'select app_private.doorbell_sleep()' : 'select app_private.doorbell_wake()');
  }

  async stop(): Promise<void> {
    await this.client.end();
  }
}
