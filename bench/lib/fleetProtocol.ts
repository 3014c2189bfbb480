/** Messages between the bench and a socket fleet child (see fleet.ts). */

export interface KeyReceipt {
  key: number;
  /** How many sockets got it (several times, if one socket got it twice). */
  count: number;
  first: number;
  last: number;
}

export type FleetRequest =
  | { type: 'connect'; url: string; count: number; token?: string; trackIds: boolean }
  | { type: 'progress' }
  | { type: 'collect' }
  | { type: 'close' };

export type FleetReply =
  | { type: 'connected'; sockets: number; ms: number }
  | { type: 'progress'; total: number }
  | { type: 'collected'; receipts: KeyReceipt[]; total: number; distinctIds: number; duplicateIds: number }
  | { type: 'closed' }
  | { type: 'error'; message: string };
