/** Messages between the bench and the load child (see load.ts). */

export interface LoadResult {
  /** Per-request latencies, ms. */
  latencies: number[];
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
}

export type LoadRequest =
  | { type: 'http'; url: string; token: string; body: string; connections: number; seconds: number }
  | { type: 'sql'; url: string; userId: string; text: string; connections: number; seconds: number };

export type LoadReply = ({ type: 'done' } & LoadResult) | { type: 'error'; message: string };
