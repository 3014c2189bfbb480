/**
 * Handshake authentication: the same token, secret and claims as the API.
 * A socket without a valid token never connects; one whose token expires is
 * disconnected at that moment.
 */
import type { Server, Socket } from 'socket.io';
import { UNAUTHORIZED } from '@bellhop/contract';
import type { Config } from '../config';
import { verifyToken, type Claims } from '../jwt';
import { userRoom } from './rooms';

export interface SocketData {
  userId: string;
}

// setTimeout cannot wait longer than this (about 24.8 days).
const MAX_TIMER_MS = 2 ** 31 - 1;

function tokenFrom(socket: Socket): string | undefined {
  const auth = socket.handshake.auth as { token?: unknown } | undefined;
  if (typeof auth?.token === 'string' && auth.token) return auth.token.replace(/^Bearer\s+/i, '');
  const header = socket.handshake.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

export function installSocketAuth(io: Server, config: Pick<Config, 'jwtSecret'>): void {
  io.use((socket, next) => {
    const claims: Claims | null = verifyToken(tokenFrom(socket), config.jwtSecret);
    if (!claims) {
      next(new Error(UNAUTHORIZED));
      return;
    }
    (socket.data as SocketData).userId = claims.user_id;
    const expiresInMs = claims.exp * 1000 - Date.now();
    const timer = setTimeout(() => socket.disconnect(true), Math.min(Math.max(expiresInMs, 0), MAX_TIMER_MS));
    timer.unref();
    socket.once('disconnect', () => clearTimeout(timer));
    void socket.join(userRoom(claims.user_id));
    next();
  });
}
