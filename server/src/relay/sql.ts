/** The relay's SQL, one statement per file under ./sql, read once at start-up. */
import fs from 'node:fs';
import path from 'node:path';

const load = (name: string): string => fs.readFileSync(path.join(__dirname, 'sql', `${name}.sql`), 'utf8');

export const RELAY_SQL = {
  start: load('start'),
  read: load('read'),
  xmax: load('xmax'),
  heartbeat: load('heartbeat'),
  sleep: load('sleep'),
  wake: load('wake'),
  goodbye: load('goodbye'),
  refreshCounts: load('refresh-counts'),
  prune: load('prune'),
  ping: load('ping'),
} as const;
