/**
 * The database roles. They are cluster-wide, so they are created here rather
 * than in a migration (as graphile/starter does).
 *
 * - the owner is whoever DATABASE_URL connects as: it runs migrations and owns the tables;
 * - bellhop_authenticator (LOGIN NOINHERIT) is what the API connects as;
 * - bellhop_visitor is what every API request runs as, under RLS.
 */
import type { Client } from 'pg';
import { quoteLiteral } from './connection';

export const VISITOR_ROLE = 'bellhop_visitor';
export const AUTHENTICATOR_ROLE = 'bellhop_authenticator';
/** Used outside production when AUTHENTICATOR_PASSWORD is unset (npm start, tests). */
export const DEV_AUTHENTICATOR_PASSWORD = 'bellhop-dev-authenticator';

/**
 * The authenticator's password: AUTHENTICATOR_PASSWORD, or a development
 * default outside production. Returns null when production lacks one.
 */
export function authenticatorPasswordFrom(env: Record<string, string | undefined>): string | null {
  if (env.AUTHENTICATOR_PASSWORD) return env.AUTHENTICATOR_PASSWORD;
  return env.NODE_ENV === 'production' ? null : DEV_AUTHENTICATOR_PASSWORD;
}

export async function ensureRoles(client: Client, authenticatorPassword: string): Promise<void> {
  const { rows } = await client.query<{ rolname: string }>(
    `select rolname from pg_roles where rolname = any($1)`,
    [[VISITOR_ROLE, AUTHENTICATOR_ROLE]],
  );
  const existing = new Set(rows.map((r) => r.rolname));
  try {
    if (!existing.has(VISITOR_ROLE)) await client.query(`create role ${VISITOR_ROLE} nologin`);
    if (!existing.has(AUTHENTICATOR_ROLE)) {
      await client.query(`create role ${AUTHENTICATOR_ROLE} login noinherit`);
    }
    // Empty means "managed elsewhere" (AUTH_DATABASE_URL carries its own password).
    if (authenticatorPassword) {
      await client.query(`alter role ${AUTHENTICATOR_ROLE} with login noinherit password ${quoteLiteral(authenticatorPassword)}`);
    }
    await client.query(`grant ${VISITOR_ROLE} to ${AUTHENTICATOR_ROLE}`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // 42501: no CREATEROLE. The roles may still exist, created by a DBA.
    if (code === '42501') {
      const missing = [VISITOR_ROLE, AUTHENTICATOR_ROLE].filter((r) => !existing.has(r));
      if (missing.length > 0) {
        throw new Error(
          `The DATABASE_URL user may not create roles, and ${missing.join(', ')} do not exist. ` +
            `Ask a DBA to run the role setup in README.md ("Using your own PostgreSQL"), or use a user with CREATEROLE.`,
        );
      }
      return;
    }
    // Another process created them at the same moment; that is fine.
    if (code === '23505' || code === '42710' || code === 'XX000') return;
    throw error;
  }
}
