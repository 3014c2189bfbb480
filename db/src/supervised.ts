/**
 * The embedded PostgreSQL of `npm start`, watched: if it dies (killed, out of
 * memory), it is started again on the same data and port, and the API and
 * relay reconnect on their own; committed data is on disk, so nothing is
 * lost. If it cannot be brought back, onGiveUp says why.
 */
import { startEmbeddedPostgres, type RunningPostgres } from './embedded';

export interface SupervisedOptions {
  dataDir: string;
  port: number;
  log: (line: string) => void;
  onGiveUp: (error: Error) => void;
}

const ATTEMPTS = 6;

export class SupervisedPostgres {
  private current: RunningPostgres | null = null;
  private stopped = false;
  /** A restart in progress: stop() waits for it, so what it starts is stopped too. */
  private restarting: Promise<void> | null = null;

  private constructor(private readonly options: SupervisedOptions) {}

  static async start(options: SupervisedOptions): Promise<SupervisedPostgres> {
    const supervised = new SupervisedPostgres(options);
    supervised.current = await supervised.launch();
    return supervised;
  }

  get adminUrl(): string {
    return this.current!.adminUrl;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.restarting;
    await this.current?.stop();
  }

  private launch(): Promise<RunningPostgres> {
    const { dataDir, port, log } = this.options;
    return startEmbeddedPostgres({
      dataDir,
      port,
      log,
      onUnexpectedExit: (reason) => {
        this.restarting = this.restart(reason).finally(() => {
          this.restarting = null;
        });
      },
    });
  }

  private async restart(reason: string): Promise<void> {
    if (this.stopped) return;
    this.options.log(`The embedded PostgreSQL stopped unexpectedly (${reason}); starting it again…`);
    let lastError: Error | null = null;
    for (let attempt = 1; attempt <= ATTEMPTS && !this.stopped; attempt += 1) {
      // Its old backends need a moment to notice and let go of shared memory.
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      try {
        const started = await this.launch();
        this.current = started;
        // Stopped while it came back: stop() waits for this, then stops what was started.
        if (!this.stopped) this.options.log('The embedded PostgreSQL is back; the API and the relay reconnect by themselves.');
        return;
      } catch (error) {
        lastError = error as Error;
      }
    }
    if (!this.stopped) this.options.onGiveUp(new Error(`The embedded PostgreSQL could not be started again: ${lastError?.message ?? 'unknown reason'}`));
  }
}
