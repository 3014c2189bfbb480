/**
 * `npm run user:add -- --email E --name N [--password P]`: adds a user
 * without the API, whatever REGISTRATION says (asks for the password when
 * --password is not given). DBAs can do the same in SQL:
 *   select app_private.create_user('ana@example.com', 'Ana', 'a-long-password');
 */
import { withClient } from '@bellhop/db';
import { exitWithError } from '@bellhop/server';
import { withAppDatabase } from './lib/appDatabase';
import { parseOptions } from './lib/args';
import { askSecret } from './lib/prompt';

const say = (line: string) => console.log(`[user:add] ${line}`);

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), ['email', 'name', 'password']);
  if (!options.email || !options.name) throw new Error('Usage: npm run user:add -- --email ana@example.com --name "Ana" [--password …]');
  const password = options.password ?? (await askSecret(`Password for ${options.email} (at least 8 characters): `));
  const id = await withAppDatabase(
    (url) =>
      withClient(url, async (client) => {
        const { rows } = await client.query<{ id: string }>('select app_private.create_user($1, $2, $3) as id', [options.email, options.name, password]);
        return rows[0]!.id;
      }),
    say,
  );
  say(`Added ${options.email} (${id}). They can sign in now.`);
}

main().catch((error: unknown) => exitWithError(error, 'No user added'));
