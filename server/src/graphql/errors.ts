/**
 * Turns database errors into messages a person can act on. SQL functions
 * already raise friendly messages; this covers the table constraints that
 * guard every writer (the API and psql alike), and an unreachable database.
 * Each kind of error has one message, whichever path raised it.
 */
import { GraphQLError, formatError, type GraphQLFormattedError } from 'graphql';

const tooLong = (field: string, name: string, limit: string) => `${field} (${name}) is too long: at most ${limit} characters.`;

const CONSTRAINT_MESSAGES: Record<string, string> = {
  leads_first_name_present: 'First name must not be empty.',
  leads_last_name_present: 'Last name must not be empty.',
  leads_first_name_length: tooLong('First name', 'firstName', '200'),
  leads_last_name_length: tooLong('Last name', 'lastName', '200'),
  leads_company_length: tooLong('Company', 'company', '200'),
  leads_email_length: tooLong('Email', 'email', '320'),
  leads_email_valid: 'Email must be a valid email address, like name@example.com.',
  leads_status_valid: 'Status must be one of new, contacted, qualified, won or lost.',
  leads_score_range: 'Score must be between 0 and 100.',
  tasks_title_present: 'Task title must not be empty.',
  tasks_title_length: tooLong('Task title', 'title', '500'),
  comments_body_present: 'Comment must not be empty.',
  comments_body_length: tooLong('Comment', 'body', '10,000'),
  users_email_valid: 'Email must be a valid email address, like name@example.com.',
  users_email_length: tooLong('Email', 'email', '320'),
  users_email_key: 'An account with this email already exists; sign in instead.',
  // register rejects blank names itself; the table check also catches names over 200 characters.
  users_name_present: 'Name must be between 1 and 200 characters.',
};

/** Foreign keys whose message names the missing row, as the SQL functions' own checks do. */
const MISSING_ROW: Record<string, string> = {
  tasks_lead_id_fkey: 'lead',
  comments_lead_id_fkey: 'lead',
};

/** SQLSTATEs whose messages were written for users (raised by our functions). */
const USER_FACING_CODES = new Set(['22023', '23505', '28000', '28P01', 'P0002', '42501']);

/** The database cannot be reached: connection refused or reset, shutting down, or no free connection in time. */
const UNAVAILABLE = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|57P01|57P02|57P03|08\w{3})$/;
export const DATABASE_UNAVAILABLE = 'The database is unavailable right now; try again in a moment.';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  message: string;
}

function unavailable(original: PgError | undefined): boolean {
  if (!original) return false;
  if (original.code && UNAVAILABLE.test(original.code)) return true;
  return /timeout exceeded when trying to connect|Connection terminated/i.test(original.message);
}

function friendlyMessage(original: PgError | undefined, message: string): { message: string; code?: string } {
  if (unavailable(original)) return { message: DATABASE_UNAVAILABLE, code: 'DATABASE_UNAVAILABLE' };
  if (!original?.code) return { message };
  const { code, constraint } = original;
  if (constraint && CONSTRAINT_MESSAGES[constraint]) return { message: CONSTRAINT_MESSAGES[constraint], code };
  if (constraint && MISSING_ROW[constraint]) {
    const id = /\)=\(([^)]*)\)/.exec(original.detail ?? '')?.[1];
    return { message: `No ${MISSING_ROW[constraint]} with id ${id ?? '(unknown)'}.`, code: 'P0002' };
  }
  if (code === '22P02') return { message: `Invalid value: ${original.message.replace(/^invalid input syntax for type (\w+)/, 'not a valid $1')}.`, code };
  if (code === '22001') return { message: 'A value is too long.', code };
  if (code === '22021') return { message: 'Text contains a character that cannot be stored (such as \\u0000); remove it and try again.', code };
  // The API's only LIMIT and OFFSET come from the first and offset arguments.
  if (code === '2201W') return { message: 'first must not be negative.', code };
  if (code === '2201X') return { message: 'offset must not be negative.', code };
  if (code === '42501') return { message: original.message.startsWith('Sign-up is closed') ? original.message : 'You are not allowed to do that.', code };
  if (USER_FACING_CODES.has(code)) return { message: original.message, code };
  return { message, code };
}

export function makeErrorHandler(production: boolean) {
  return (errors: ReadonlyArray<GraphQLError>, _req?: unknown, res?: { statusCode: number }): GraphQLFormattedError[] =>
    errors.map((error) => {
      const original = (error.originalError ?? error) as PgError | undefined;
      const { message, code } = friendlyMessage(original, error.message);
      // An outage is not a server bug: 503 tells clients and balancers to retry.
      if (code === 'DATABASE_UNAVAILABLE' && res && res.statusCode >= 500) res.statusCode = 503;
      const formatted = formatError(new GraphQLError(message, error.nodes, error.source, error.positions, error.path, undefined, code ? { code } : undefined));
      // A failure that is not the user's fault: say so without internals in production.
      if (production && original && !original.code && !(original instanceof GraphQLError) && code !== 'DATABASE_UNAVAILABLE') {
        return { ...formatted, message: 'Internal server error.', extensions: undefined };
      }
      return formatted;
    });
}
