/**
 * Concurrent writers for the fault suite: each is its own connection in a
 * loop of INSERT transactions, and remembers the notification ids of every
 * transaction whose COMMIT it saw succeed. That list is "committed".
 */
import { Client } from 'pg';
import { insertLeads } from './data';

export class Writers {
  readonly committed: string[] = [];
  transactions = 0;
  private stopped = false;
  private error: Error | null = null;
  private loops: Array<Promise<void>> = [];
  private readonly clients: Client[] = [];

  constructor(
    private readonly url: string,
    private readonly count: number,
    /** Pause between a writer's transactions; 0 for full speed. */
    private readonly pauseMs = 0,
  ) {}

  async start(): Promise<void> {
    const clients = Array.from({ length: this.count }, () => new Client({ connectionString: this.url, application_name: 'bellhop-fault-writer' }));
    this.clients.push(...clients);
    await Promise.all(clients.map((client) => client.connect()));
    // A failing writer stops them all; stop() reports its error.
    this.loops = this.clients.map((client, index) =>
      this.loop(client, index).catch((error: Error) => {
        this.error ??= error;
        this.stopped = true;
      }),
    );
  }

  private async loop(client: Client, index: number): Promise<void> {
    let round = 0;
    while (!this.stopped) {
      round += 1;
      // Mostly single rows, sometimes a multi-row statement (one doorbell, several rows).
      const rows = round % 7 === 0 ? 3 : 1;
      const ids = await insertLeads(client, rows, `Writer ${index}`);
      this.committed.push(...ids);
      this.transactions += 1;
      if (this.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * this.pauseMs));
    }
  }

  /** Stops after each writer's current transaction; throws if a writer failed. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
    await Promise.all(this.clients.map((client) => client.end().catch(() => undefined)));
    if (this.error) throw new Error(`A writer failed after ${this.transactions} transactions: ${this.error.message}`);
  }
}
