/**
 * Guards in front of PostGraphile on POST /graphql:
 *  - JSON only, at most 100 kB, with errors a client can act on (413, 415, 400);
 *  - login and register are rate-limited per client IP (password guessing,
 *    account spam), and one request may carry only one of them, so aliases
 *    cannot pack a hundred guesses into one request.
 *
 * The body is parsed here; PostGraphile sees it parsed and does not read it again.
 */
import type { ErrorRequestHandler, Express, Request, RequestHandler } from 'express';
import express from 'express';
import { MemoryStore, rateLimit } from 'express-rate-limit';
import { Kind, parse, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { Config } from '../config';
import type { Shutdown } from '../shutdown';

export const BODY_LIMIT = '100kb';
const AUTH_FIELDS = new Set(['login', 'register']);

function graphqlError(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** How many login/register fields the mutation that will run selects at its top level, aliases and fragments included. */
export function countAuthFields(body: unknown): number {
  if (typeof body !== 'object' || body === null) return 0;
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return 0;
  // A field is named by its literal text (GraphQL names have no escapes), so
  // most requests skip a second parse here.
  if (![...AUTH_FIELDS].some((field) => query.includes(field))) return 0;
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true });
  } catch {
    return 0; // PostGraphile reports the syntax error.
  }
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])),
  );
  const count = (set: SelectionSetNode, seen: Set<string>): number =>
    set.selections.reduce((total, selection) => {
      if (selection.kind === Kind.FIELD) return total + (AUTH_FIELDS.has(selection.name.value) ? 1 : 0);
      if (selection.kind === Kind.INLINE_FRAGMENT) return total + count(selection.selectionSet, seen);
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || seen.has(name)) return total;
      return total + count(fragment, new Set([...seen, name]));
    }, 0);
  // Without operationName every mutation counts: a document with several is refused by PostGraphile anyway.
  return document.definitions.reduce(
    (total, d) => total + (d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation' && (!operationName || d.name?.value === operationName) ? count(d.selectionSet, new Set()) : 0),
    0,
  );
}

export function installRequestGuards(app: Express, config: Config, shutdown: Shutdown): void {
  const route = '/graphql';

  const requireJson: RequestHandler = (req, res, next) => {
    if (req.method !== 'POST' || req.is('application/json')) return next();
    res
      .status(415)
      .json(graphqlError('Send GraphQL requests as POST with "Content-Type: application/json" and a body like {"query": "..."}.', 'UNSUPPORTED_MEDIA_TYPE'));
  };

  // In memory, per process: behind a load balancer each API process counts on its own (see the operator guide).
  const store = new MemoryStore();
  shutdown.add(async () => store.shutdown());
  const limiter = rateLimit({
    store,
    windowMs: config.loginRateWindowSeconds * 1000,
    limit: config.loginRateLimit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // TRUST_PROXY=false means "ignore X-Forwarded-For" on purpose; no need to warn about it.
    validate: { xForwardedForHeader: config.trustProxy !== false },
    handler: (req: Request, res) => {
      const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : config.loginRateWindowSeconds;
      res.setHeader('Retry-After', String(seconds));
      res
        .status(429)
        .json(graphqlError(`Too many sign-in attempts from your address. Try again in ${seconds} seconds.`, 'RATE_LIMITED'));
    },
  });

  const limitAuth: RequestHandler = (req, res, next) => {
    const authFields = countAuthFields(req.body);
    if (authFields === 0) return next();
    if (authFields > 1) {
      res.status(400).json(graphqlError('Send one login or register per request.', 'TOO_MANY_SIGN_INS'));
      return;
    }
    if (config.loginRateLimit === 0) return next();
    return limiter(req, res, next);
  };

  // Body parser failures (too large, not JSON) as GraphQL-shaped errors, never a stack trace.
  const bodyErrors: ErrorRequestHandler = (error: { type?: string; status?: number }, _req, res, next) => {
    if (error.type === 'entity.too.large') {
      res.status(413).json(graphqlError(`Request body is larger than ${BODY_LIMIT}. Send a smaller query or fewer variables.`, 'PAYLOAD_TOO_LARGE'));
    } else if (error.type === 'entity.parse.failed') {
      res.status(400).json(graphqlError('Request body must be a JSON object like {"query": "..."}.', 'BAD_REQUEST'));
    } else if (error.status && error.status >= 400 && error.status < 500) {
      res.status(error.status).json(graphqlError('The request body could not be read.', 'BAD_REQUEST'));
    } else {
      next(error);
    }
  };

  app.post(route, requireJson, express.json({ limit: BODY_LIMIT }), bodyErrors, limitAuth);
}
