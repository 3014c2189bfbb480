/** Once per e2e run: make sure the browser gets the app as the sources say it is now. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export default function globalSetup(): void {
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'buildWeb.ts')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Building the web app for the browser tests failed (see above).');
}
