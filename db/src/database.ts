import { Client } from 'pg';
import { databaseName, quoteIdent, redact, withDatabase } from './connection';

export async function connect(connectionString: string): Promise<Client> {
  const client = new Client({ connectionString, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL not reachable at ${redact(connectionString)}: ${(error as Error).message}. ` +
        `Check that the server runs, or unset DATABASE_URL to use the embedded one.`,
    );
  }
  return client;
}

export async function withClient<T>(connectionString: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = await connect(connectionString);
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates the database named in `connectionString` when it is missing, by
 * connecting to the maintenance database `postgres` on the same server.
 */
export async function ensureDatabase(connectionString: string, template?: string): Promise<boolean> {
  const name = databaseName(connectionString);
  const probe = new Client({ connectionString, connectionTimeoutMillis: 10_000 });
  try {
    await probe.connect();
    await probe.end();
    return false;
  } catch (error) {
    await probe.end().catch(() => undefined);
    if ((error as { code?: string }).code !== '3D000') {
      // Not "database does not exist": report it with the usual advice.
      await connect(connectionString);
    }
  }
  await withClient(withDatabase(connectionString, 'postgres'), async (client) => {
    try {
      await client.query(`create database ${quoteIdent(name)}${template ? ` template ${quoteIdent(template)}` : ''}`);
    } catch (error) {
      if ((error as { code?: string }).code !== '42P04') throw error; // created concurrently
    }
  });
  return true;
}

export async function dropDatabase(adminConnectionString: string, name: string): Promise<void> {
  await withClient(withDatabase(adminConnectionString, 'postgres'), async (client) => {
    await client.query(`drop database if exists ${quoteIdent(name)} with (force)`);
  });
}
