import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@bellhop/contract';

export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Same origin, default path: the web host (or Vite in dev) forwards /socket.io to the relay. */
export function connectRealtime(token: string): RealtimeSocket {
  return io({ auth: { token }, transports: ['websocket'] });
}
