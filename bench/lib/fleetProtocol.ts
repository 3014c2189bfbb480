/** Messages between the bench and a socket fleet child (see fleet.ts). */

export interface KeyReceipt {
  key: number;
  /** How many sockets got it (several times, if one socket got it twice). */
  count: number;
  first: number;
  last: number;
}

/** One event at one socket, kept only in log mode (few sockets, one per user). */
export interface LogEntry {
  /** Index of the socket, in the order of `tokens`. */
  socket: number;
  at: number;
  type: string;
  key: number;
}

export type FleetRequest =
  /** `tokens`: one socket per token, in that order (count is then tokens.length). `log`: keep every event. */
  | { type: 'connect'; url: string; count: number; token?: string; tokens?: string[]; trackIds: boolean; log?: boolean }
  | { type: 'progress' }
  | { type: 'collect' }
  | { type: 'close' };

export interface Collected {
  receipts: KeyReceipt[];
  total: number;
  distinctIds: number;
  duplicateIds: number;
  /** Events per socket since the last collect, by socket index. */
  perSocket: number[];
  /** Sockets that the server (or the network) disconnected since they connected. */
  disconnects: number;
  log: LogEntry[];
}

export type FleetReply =
  | { type: 'connected'; sockets: number; ms: number }
  | { type: 'progress'; total: number }
  | ({ type: 'collected' } & Collected)
  | { type: 'closed' }
  | { type: 'error'; message: string };
