import fs from 'node:fs';
import { Pool } from 'pg';
import { postgraphile } from 'postgraphile';
import { useTestDatabase } from '@bellhop/testing';
import { loadConfig } from '../src/config';
import { SCHEMAS, SCHEMA_EXPORT_PATH, postgraphileOptions, printContractSchema } from '../src/graphql/options';

const db = useTestDatabase();

test('server/schema.graphql (the web codegen input) matches the database', async () => {
  const config = loadConfig({ DATABASE_URL: db.url, AUTH_DATABASE_URL: db.authUrl });
  const pool = new Pool({ connectionString: db.authUrl });
  const middleware = postgraphile(pool, SCHEMAS, postgraphileOptions(config));
  try {
    const schema = await middleware.getGraphQLSchema();
    // If this fails: `npm run schema:export`, then `npm run codegen -w web`.
    expect(printContractSchema(schema)).toBe(fs.readFileSync(SCHEMA_EXPORT_PATH, 'utf8'));
  } finally {
    await middleware.release();
    await pool.end();
  }
});
