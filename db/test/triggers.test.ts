import { createTestDatabase, withRootDb, type TestDatabase } from '@bellhop/db/testing';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

test('inserting a lead from plain SQL writes a lead_created notification', async () => {
  await withRootDb(db.url, async (client) => {
    await client.query(`insert into app_public.leads (first_name, last_name, email) values ('John', 'Doe', 'john@example.com')`);
    const { rows } = await client.query('select type, title, message from app_public.notifications');
    expect(rows).toEqual([{ type: 'lead_created', title: 'New Lead Created', message: 'John Doe added to pipeline' }]);
  });
});
