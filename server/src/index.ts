/**
 * The server's public entry point, for the launcher (scripts/), the browser
 * tests (e2e/) and the benchmarks (bench/). Nothing outside server/ imports
 * its internals; lint enforces that (see docs/architecture.md).
 */
export {
  ConfigError,
  DATA_DIR,
  authenticatorPassword,
  loadConfig,
  loadDatabaseToolConfig,
  loadStartConfig,
  loadTestRunnerConfig,
  loadWebHostConfig,
  type Config,
  type StartConfig,
  type TestRunnerConfig,
  type WebHostConfig,
} from './config';
export { createLogger, type Logger } from './logger';
export { startServer, type RunningServer } from './server';
export { exitWithError, runUntilSignal } from './signals';
export { JWT_AUDIENCE, JWT_ISSUER, signToken, verifyToken, type Claims } from './auth/jwt';
export { configForDatabase } from './testing';

/** The scripts that run a server process: the API + relay, and the relay alone (`npm run relay`). */
export const ENTRY_POINTS = {
  server: require.resolve('./main'),
  relay: require.resolve('./relay-main'),
} as const;
