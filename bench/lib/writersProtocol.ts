/** Messages between the bench and the writers child (see writers.ts). */

export type WritersRequest =
  | { type: 'open'; url: string; writers: number }
  | { type: 'write'; seconds: number; recordAcks: boolean };

export type WritersReply =
  | { type: 'opened' }
  /** acks: lead id, commit-acknowledged time, lead id, time, … */
  | { type: 'written'; committed: number; failed: number; seconds: number; acks: number[] }
  | { type: 'error'; message: string };
