/**
 * `npm run psql [-- -c "select …"]`: psql on the app's database (DATABASE_URL,
 * or the embedded one of npm start), or a built-in SQL prompt when this
 * machine has no psql.
 */
import { spawn, spawnSync } from 'node:child_process';
import { exitWithError } from '@bellhop/server';
import { withAppDatabase } from './lib/appDatabase';
import { sqlShell } from './lib/sqlShell';

const say = (line: string) => console.error(`[psql] ${line}`);

function hasPsql(): boolean {
  return spawnSync('psql', ['--version'], { stdio: 'ignore' }).status === 0;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const code = await withAppDatabase(async (url) => {
    if (hasPsql()) {
      const child = spawn('psql', [url, ...args], { stdio: 'inherit' });
      return new Promise<number>((resolve) => child.once('exit', (exit) => resolve(exit ?? 1)));
    }
    const commandIndex = args.indexOf('-c');
    return sqlShell(url, commandIndex >= 0 ? (args[commandIndex + 1] ?? '') : null);
  }, say);
  process.exit(code);
}

main().catch((error: unknown) => exitWithError(error, 'npm run psql failed'));
