/** Builds web/dist if any source is newer. Run as its own process: Vite is ESM-only and Jest cannot load it. */
import { buildIfStale } from '@bellhop/web/host';

buildIfStale().then(
  (built) => console.log(built ? '[e2e] web app built' : '[e2e] web app is current'),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
