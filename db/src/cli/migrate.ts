/**
 * `npm run migrate`: roles and committed migrations on DATABASE_URL, as the
 * server does at start-up. For deployments that migrate as a separate step.
 */
import { prepareDatabase } from '../prepare';
import { authenticatorPasswordFrom } from '../roles';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL is not set: point it at the database to migrate, e.g. postgres://bellhop@db:5432/bellhop.');
  process.exit(1);
}
const password = authenticatorPasswordFrom(process.env);
if (!password) {
  console.error('AUTHENTICATOR_PASSWORD must be set when NODE_ENV=production.');
  process.exit(1);
}
prepareDatabase({ databaseUrl, authenticatorPassword: password, seed: false, log: console.log })
  .then(() => console.log('Migrations are up to date.'))
  .catch((error: Error) => {
    console.error(`Migration failed: ${error.message}`);
    process.exit(1);
  });
