/**
 * The web app on its own, in front of an API that is already running (the
 * compose "web" service; `npm run serve:web`). PORT, HOST and API_URL as in
 * docs/operations.md. The root `npm start` runs the same host itself.
 */
import { exitWithError, loadWebHostConfig, runUntilSignal } from '@bellhop/server';
import { startWebHost } from '@bellhop/web/host';

async function main(): Promise<void> {
  const config = loadWebHostConfig();
  const web = await startWebHost({ port: config.port, host: config.host, apiUrl: config.apiUrl, demoLogin: !config.production });
  console.log(`Web app: ${web.url} (API: ${config.apiUrl})`);
  runUntilSignal(() => web.close(), { info: () => console.log('Stopping…') });
}

main().catch(exitWithError);
