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
