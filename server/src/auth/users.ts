/**
 * Whether a token's user still exists. A signed token outlives a deleted
 * account; this check does not. Answers are cached for a minute so that a
 * request costs no query: a deleted user's tokens stop working within that.
 */
import { Pool } from 'pg';
import type { Logger } from '../logger';
import { waitAtMost } from '../waitAtMost';

const TTL_MS = 60_000;
/** Bounded memory: the oldest entries go first. */
const MAX_ENTRIES = 10_000;

export class UserDirectory {
  private readonly known = new Map<string, number>();
  private readonly pool: Pool;

  constructor(databaseUrl: string, logger: Logger) {
    // The owner connection: the API's own role may not read app_public.users outside a request.
    this.pool = new Pool({ connectionString: databaseUrl, max: 2, application_name: 'bellhop-users', connectionTimeoutMillis: 10_000 });
    this.pool.on('error', (error) => logger.debug({ err: error.message }, 'A user-check connection dropped'));
  }

  /** True if the user exists; throws if the database cannot be asked. */
  async exists(userId: string): Promise<boolean> {
    const now = Date.now();
    const until = this.known.get(userId);
    if (until !== undefined && until > now) return true;
    const { rows } = await this.pool.query('select 1 from app_public.users where id = $1', [userId]);
    if (rows.length === 0) {
      this.known.delete(userId);
      return false;
    }
    this.known.delete(userId);
    this.known.set(userId, now + TTL_MS);
    if (this.known.size > MAX_ENTRIES) this.known.delete(this.known.keys().next().value!);
    return true;
  }

  /** Which of these users still exist (one query); forgets the others, so their next check asks again. */
  async stillExisting(userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const { rows } = await this.pool.query<{ id: string }>('select id from app_public.users where id = any($1::uuid[])', [userIds]);
    const existing = new Set(rows.map((row) => row.id));
    for (const id of userIds) if (!existing.has(id)) this.known.delete(id);
    return existing;
  }

  async close(): Promise<void> {
    await waitAtMost(this.pool.end(), 2_000);
  }
}
