import type { Config } from '../config';
import type { Logger } from '../logger';
import type { Shutdown } from '../shutdown';
import { UserDirectory } from '../auth/users';

/** The check that a token's user still exists, shared by the API and the socket handshake. */
export function installUserDirectory(config: Config, logger: Logger, shutdown: Shutdown): UserDirectory {
  const users = new UserDirectory(config.databaseUrl, logger);
  shutdown.add(() => users.close());
  return users;
}
