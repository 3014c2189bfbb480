/**
 * Turns database errors into messages a person can act on. SQL functions
 * already raise friendly messages; this covers the table constraints that
 * guard every writer (the API and psql alike).
 */
import { GraphQLError, formatError, type GraphQLFormattedError } from 'graphql';

const CONSTRAINT_MESSAGES: Record<string, string> = {
  leads_first_name_present: 'First name must not be empty.',
  leads_last_name_present: 'Last name must not be empty.',
  leads_email_valid: 'Email must be a valid email address, like name@example.com.',
  leads_status_valid: 'Status must be one of new, contacted, qualified, won or lost.',
  leads_score_range: 'Score must be between 0 and 100.',
  tasks_title_present: 'Task title must not be empty.',
  tasks_lead_id_fkey: 'No lead with that id.',
  comments_body_present: 'Comment must not be empty.',
  comments_lead_id_fkey: 'No lead with that id.',
  users_email_valid: 'Email must be a valid email address, like name@example.com.',
  users_email_key: 'An account with this email already exists; sign in instead.',
  // register rejects blank names itself; the table check also catches names over 200 characters.
  users_name_present: 'Name must be between 1 and 200 characters.',
};

/** SQLSTATEs whose messages were written for users (raised by our functions). */
const USER_FACING_CODES = new Set(['22023', '23505', '28000', '28P01', 'P0002', '42501']);

interface PgError {
  code?: string;
  constraint?: string;
  message: string;
}

function friendlyMessage(original: PgError | undefined, message: string): { message: string; code?: string } {
  if (!original?.code) return { message };
  const { code, constraint } = original;
  if (constraint && CONSTRAINT_MESSAGES[constraint]) return { message: CONSTRAINT_MESSAGES[constraint], code };
  if (code === '22P02') return { message: `Invalid value: ${original.message.replace(/^invalid input syntax for type (\w+)/, 'not a valid $1')}.`, code };
  if (code === '22001') return { message: 'A value is too long.', code };
  if (code === '22021') return { message: 'Text contains a character that cannot be stored (such as \\u0000); remove it and try again.', code };
  // The API's only LIMIT and OFFSET come from the first and offset arguments.
  if (code === '2201W') return { message: 'first must not be negative.', code };
  if (code === '2201X') return { message: 'offset must not be negative.', code };
  if (code === '42501') return { message: 'You are not allowed to do that.', code };
  if (USER_FACING_CODES.has(code)) return { message: original.message, code };
  return { message, code };
}

export function makeErrorHandler(production: boolean) {
  return (errors: ReadonlyArray<GraphQLError>): GraphQLFormattedError[] =>
    errors.map((error) => {
      const original = error.originalError as PgError | undefined;
      const { message, code } = friendlyMessage(original, error.message);
      const formatted = formatError(new GraphQLError(message, error.nodes, error.source, error.positions, error.path, undefined, code ? { code } : undefined));
      // A failure that is not the user's fault: say so without internals in production.
      if (production && original && !original.code && !(original instanceof GraphQLError)) {
        return { ...formatted, message: 'Internal server error.', extensions: undefined };
      }
      return formatted;
    });
}
