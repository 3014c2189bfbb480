/** How many rows a second arrive, over a short sliding window: the relay's "am I busy?" measure. */
const WINDOW_MS = 250;

export class RateWindow {
  private readonly reads: Array<{ at: number; rows: number }> = [];

  /** Records a read of `rows` rows at `now` and returns rows per second over the window. */
  add(now: number, rows: number): number {
    this.reads.push({ at: now, rows });
    while (this.reads[0]!.at < now - WINDOW_MS) this.reads.shift();
    return (this.reads.reduce((sum, read) => sum + read.rows, 0) * 1000) / WINDOW_MS;
  }
}
