/**
 * Handshake authentication: the same token, secret and checks as the API.
 * A socket without a valid token of an existing user never connects; one
 * whose token expires is disconnected at that moment. A user may hold at
 * most SOCKETS_PER_USER sockets on one relay.
 */
import type { Server, Socket } from 'socket.io';
import { TOO_MANY_CONNECTIONS, UNAUTHORIZED } from '@bellhop/contract';
import type { Config } from '../config';
import { identify } from '../auth/authenticate';
import type { UserDirectory } from '../auth/users';
import { userRoom } from './rooms';

export interface SocketData {
  userId: string;
}

// setTimeout cannot wait longer than this (about 24.8 days).
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The token from `auth: { token }`, else from an Authorization: Bearer header; null if either is malformed. */
function tokenFrom(socket: Socket): string | null | undefined {
  const auth = socket.handshake.auth as { token?: unknown } | undefined;
  if (auth?.token !== undefined) return typeof auth.token === 'string' && auth.token ? auth.token.replace(/^Bearer\s+/i, '') : null;
  const header = socket.handshake.headers.authorization;
  if (header === undefined) return undefined;
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? null;
}

/** How often connected users are checked again: a deleted user's sockets are closed within this. */
const RECHECK_MS = 30_000;

/**
 * Closes the sockets of users deleted since they connected (their token would
 * still verify until it expires). Returns the function that stops checking.
 */
function closeSocketsOfDeletedUsers(io: Server, users: UserDirectory, open: Map<string, number>): () => void {
  const timer = setInterval(() => {
    const ids = [...open.keys()];
    users.stillExisting(ids).then(
      (existing) => {
        for (const id of ids) if (!existing.has(id)) io.in(userRoom(id)).disconnectSockets(true);
      },
      // The database is away: check again next time.
      () => undefined,
    );
  }, RECHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}

export function installSocketAuth(io: Server, config: Pick<Config, 'jwtSecret' | 'socketsPerUser'>, users: UserDirectory): () => void {
  const open = new Map<string, number>();
  io.use((socket, next) => {
    identify(tokenFrom(socket) ?? null, config.jwtSecret, users).then(
      (identity) => {
        if (identity.kind !== 'user') return next(new Error(UNAUTHORIZED));
        const { user_id: userId, exp } = identity.claims;
        const count = open.get(userId) ?? 0;
        if (count >= config.socketsPerUser) return next(new Error(TOO_MANY_CONNECTIONS));
        open.set(userId, count + 1);
        socket.once('disconnect', () => {
          const left = (open.get(userId) ?? 1) - 1;
          if (left > 0) open.set(userId, left);
          else open.delete(userId);
        });
        (socket.data as SocketData).userId = userId;
        const timer = setTimeout(() => socket.disconnect(true), Math.min(Math.max(exp * 1000 - Date.now(), 0), MAX_TIMER_MS));
        timer.unref();
        socket.once('disconnect', () => clearTimeout(timer));
        void socket.join(userRoom(userId));
        next();
      },
      // The database could not say whether the user exists: not "unauthorized", so the client retries.
      () => next(new Error('temporarily unavailable')),
    );
  });
  return closeSocketsOfDeletedUsers(io, users, open);
}
