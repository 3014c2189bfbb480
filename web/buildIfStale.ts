/**
 * Builds web/dist when a source is newer than the bundle, so `npm start` and the browser
 * tests always serve the app as the sources say it is now.
 */
import fs from 'node:fs';
import path from 'node:path';

const WEB_ROOT = __dirname;
export const DEFAULT_DIST = path.join(WEB_ROOT, 'dist');
// Anything the bundle is made from; a newer file means dist is stale.
const SOURCES = ['src', 'index.html', 'vite.config.ts', path.join('..', 'contract', 'src')];

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(target).reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), stat.mtimeMs);
}

function needsBuild(distDir: string): boolean {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(WEB_ROOT, source)) > built);
}

async function viteBuild(outDir: string): Promise<void> {
  const { build } = await import('vite');
  // Vite sets NODE_ENV=production for the whole process while it builds; the API may be
  // running in this same process (npm start) and must not switch to production mode.
  const nodeEnv = process.env.NODE_ENV;
  // Vite keeps a NODE_ENV it finds set: under NODE_ENV=test (npm test) the bundle would
  // otherwise ship development React. What is served is always a production build.
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: WEB_ROOT,
      configFile: path.join(WEB_ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** Builds into a fresh directory and swaps it in, so concurrent starts never see half a build. */
async function buildApp(distDir: string): Promise<void> {
  console.log('Building web app…');
  const staging = `${distDir}.build-${process.pid}-${Date.now()}`;
  await viteBuild(staging);
  const previous = `${distDir}.old-${process.pid}-${Date.now()}`;
  try {
    if (fs.existsSync(distDir)) fs.renameSync(distDir, previous);
    fs.renameSync(staging, distDir);
  } catch (error) {
    // Another process swapped in its fresh build first; the result is the same.
    if (!fs.existsSync(path.join(distDir, 'index.html'))) throw error;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(previous, { recursive: true, force: true });
  }
  console.log(`Web app built into ${path.relative(process.cwd(), distDir) || distDir}.`);
}

/** Builds web/dist unless it is newer than every source; for callers that cannot load Vite themselves (Jest). */
export async function buildIfStale(distDir = DEFAULT_DIST): Promise<boolean> {
  if (!needsBuild(distDir)) return false;
  await buildApp(distDir);
  return true;
}
