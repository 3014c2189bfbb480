/**
 * Serves the built web app on its own, in front of an API that is already running:
 *   npm start -w web            (PORT=3000, API_URL=http://localhost:3001)
 * The root `npm start` uses startWebServer directly instead.
 */
import { startWebServer } from './server';

async function main(): Promise<void> {
  const server = await startWebServer({
    port: Number(process.env.PORT ?? 3000),
    apiUrl: process.env.API_URL ?? 'http://localhost:3001',
    host: process.env.HOST,
  });
  console.log(`Web app: ${server.url}`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
