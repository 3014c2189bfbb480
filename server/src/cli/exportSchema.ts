/**
 * `npm run schema:export`: rewrites server/schema.graphql (the web app's
 * codegen input) from the database in DATABASE_URL, migrating it first.
 * Run `npm run codegen -w web` afterwards.
 */
import fs from 'node:fs';
import { Pool } from 'pg';
import { postgraphile } from 'postgraphile';
import { prepareDatabase } from '@bellhop/db';
import { authenticatorPassword, loadConfig } from '../config';
import { SCHEMAS, SCHEMA_EXPORT_PATH, postgraphileOptions, printContractSchema } from '../graphql/options';

async function main(): Promise<void> {
  const config = loadConfig();
  await prepareDatabase({ databaseUrl: config.databaseUrl, authenticatorPassword: authenticatorPassword(), seed: false, current: !config.production });
  const pool = new Pool({ connectionString: config.authDatabaseUrl });
  const middleware = postgraphile(pool, SCHEMAS, postgraphileOptions(config));
  try {
    fs.writeFileSync(SCHEMA_EXPORT_PATH, printContractSchema(await middleware.getGraphQLSchema()));
    console.log(`Wrote ${SCHEMA_EXPORT_PATH}`);
  } finally {
    await middleware.release();
    await pool.end();
  }
}

main().catch((error: Error) => {
  console.error(`schema:export failed: ${error.message}`);
  process.exit(1);
});
