/**
 * Progress lines for a long command, on stderr so that stdout carries only the
 * table: `[bench mm:ss.s]`, then what is being measured and which cell of how
 * many. A quiet stretch still gets a line every 15 s, so a stall is visible.
 */
const started = Date.now();
const HEARTBEAT_MS = 15_000;
let lastSaid = started;
let done = 0;
let total = 0;
let current: string | null = null;

function elapsed(): string {
  const seconds = (Date.now() - started) / 1000;
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${(seconds - minutes * 60).toFixed(1).padStart(4, '0')}`;
}

export function say(line: string): void {
  lastSaid = Date.now();
  console.error(`[bench ${elapsed()}] ${line}`);
}

/** How many cells the whole run has, for "cell 3/25". */
export function expectCells(count: number): void {
  total = count;
  done = 0;
}

/** A new cell starts: one line naming it. */
export function startCell(label: string): void {
  done += 1;
  current = label;
  say(`cell ${done}/${Math.max(done, total)}: ${label}`);
}

/** Between measurements: no cell is running. */
export function endCells(): void {
  current = null;
}

setInterval(() => {
  if (current && Date.now() - lastSaid >= HEARTBEAT_MS) say(`still on cell ${done}/${Math.max(done, total)}: ${current}`);
}, 1_000).unref();
