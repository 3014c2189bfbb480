/**
 * Where the bench's databases come from: the PostgreSQL in DATABASE_URL, or a
 * throwaway embedded cluster. One migrated template; every measurement clones
 * its own database from it, so runs never see each other's rows.
 */
import crypto from 'node:crypto';
import {
  DEV_AUTHENTICATOR_PASSWORD,
  dropDatabase,
  obtainTestPostgres,
  prepareDatabase,
  quoteIdent,
  withClient,
  withCredentials,
  withDatabase,
  type Postgres,
} from '@bellhop/db';
import { loadTestRunnerConfig } from '@bellhop/server';
import { say } from './progress';

export interface BenchDatabase {
  name: string;
  /** Owner (superuser) connection. */
  url: string;
  /** bellhop_authenticator connection, as the API uses. */
  authUrl: string;
  drop(): Promise<void>;
}

export interface Cluster {
  postgres: Postgres;
  serverVersion: string;
  clone(label: string): Promise<BenchDatabase>;
  close(): Promise<void>;
}

export async function openCluster(): Promise<Cluster> {
  const { databaseUrl, databaseUrlName } = loadTestRunnerConfig();
  const postgres = await obtainTestPostgres(say, { databaseUrl, databaseUrlName, durable: true });
  const admin = withDatabase(postgres.adminUrl, 'postgres');
  const template = `bellhop_bench_template_${process.pid}`;
  const clones = new Set<string>();
  try {
    say(`Using ${postgres.description}; migrating template database ${template}…`);
    await prepareDatabase({ databaseUrl: withDatabase(admin, template), authenticatorPassword: DEV_AUTHENTICATOR_PASSWORD, seed: false, current: true });
    // CREATE DATABASE … TEMPLATE fails while the template has sessions.
    await withClient(admin, (client) =>
      client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [template]),
    );
  } catch (error) {
    await dropDatabase(admin, template).catch(() => undefined);
    await postgres.stop();
    throw error;
  }
  // The durability settings change write-path figures most, so the table names them.
  const serverVersion = await withClient(admin, async (client) => {
    const { rows } = await client.query<{ version: string; fsync: string; commit: string }>(
      `select current_setting('server_version') as version, current_setting('fsync') as fsync,
              current_setting('synchronous_commit') as commit`,
    );
    const { version, fsync, commit } = rows[0]!;
    return `${version}, fsync ${fsync}, synchronous_commit ${commit}`;
  });

  return {
    postgres,
    serverVersion,
    async clone(label) {
      const name = `bellhop_bench_${label}_${crypto.randomBytes(3).toString('hex')}`;
      await withClient(admin, (client) => client.query(`create database ${quoteIdent(name)} template ${quoteIdent(template)}`));
      clones.add(name);
      const url = withDatabase(admin, name);
      return {
        name,
        url,
        authUrl: withCredentials(url, 'bellhop_authenticator', DEV_AUTHENTICATOR_PASSWORD),
        drop: async () => {
          clones.delete(name);
          await dropDatabase(admin, name);
        },
      };
    },
    async close() {
      for (const name of clones) await dropDatabase(admin, name).catch(() => undefined);
      await dropDatabase(admin, template).catch(() => undefined);
      await postgres.stop();
    },
  };
}
