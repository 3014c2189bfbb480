/**
 * SQL returns rows; the wire shape (camelCase fields, socket event names)
 * lives in @bellhop/contract. Neither the migrated database nor the reviewed
 * dump in db/schema.sql may know about either.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SERVER_EVENTS, type NotificationPayload } from '@bellhop/contract';
import { useTestDatabase } from '@bellhop/testing';

const db = useTestDatabase();
const dump = fs.readFileSync(path.resolve(__dirname, '../../../db/schema.sql'), 'utf8');

// The payload's field names that differ from their column names.
const WIRE_FIELDS: Array<keyof NotificationPayload> = ['isRead', 'relatedLeadId', 'recipientId', 'actorId', 'createdAt', 'updatedAt'];

test('db/schema.sql names no socket event', () => {
  for (const event of Object.values(SERVER_EVENTS)) expect(dump).not.toContain(event);
  expect(dump).not.toMatch(/socket\.io|io\.emit/i);
});

test('no function in the migrated schemas builds a camelCase payload', async () => {
  const { rows } = await db.sql.query<{ name: string }>(
    `select p.oid::regprocedure::text as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ('app_public', 'app_hidden', 'app_private') and p.prosrc ~ $1`,
    [`'(${WIRE_FIELDS.join('|')})'`],
  );
  expect(rows).toEqual([]);
  for (const field of WIRE_FIELDS) expect(dump).not.toContain(`'${field}'`);
});
