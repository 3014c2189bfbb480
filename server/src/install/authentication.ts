/**
 * Verifies the bearer token of every GraphQL request before PostGraphile sees
 * it, so every bad token gets the same 401 "invalid or expired token" and a
 * token of a deleted user is refused. PostGraphile then gets the claims
 * through pgSettings (graphql/options.ts), never the header.
 */
import type { Express, Request, RequestHandler } from 'express';
import type { Config } from '../config';
import type { Claims } from '../auth/jwt';
import { INVALID_TOKEN, bearerToken, identify } from '../auth/authenticate';
import type { UserDirectory } from '../auth/users';

export interface AuthenticatedRequest extends Request {
  /** Set for a request with a valid token; absent for an anonymous one. */
  bellhopClaims?: Claims;
}

export function installAuthentication(app: Express, config: Config, users: UserDirectory): void {
  const authenticate: RequestHandler = (req, res, next) => {
    const header = req.headers.authorization;
    const token = header === undefined ? undefined : bearerToken(header);
    identify(token, config.jwtSecret, users).then(
      (identity) => {
        if (identity.kind === 'refused') {
          res.status(401).json({ errors: [{ message: INVALID_TOKEN, extensions: { code: 'UNAUTHENTICATED' } }] });
          return;
        }
        if (identity.kind === 'user') (req as AuthenticatedRequest).bellhopClaims = identity.claims;
        delete req.headers.authorization;
        next();
      },
      () => {
        res.status(503).json({ errors: [{ message: 'The database is unavailable right now; try again in a moment.', extensions: { code: 'DATABASE_UNAVAILABLE' } }] });
      },
    );
  };
  app.use('/graphql', authenticate);
}
