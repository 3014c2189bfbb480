/** What each measurement is, in a paragraph, for docs/performance.md. */
import type { MeasurementId } from '../lib/report';

export const DESCRIPTIONS: Record<MeasurementId, string> = {
  a:
    'End-to-end latency: a single-row `insert into app_public.leads` (autocommit) at a fixed rate, ' +
    'timed from just before the INSERT until the last of N connected sockets has the `notification:created` event. ' +
    'The baseline is the obvious pipeline built from the same parts: a row trigger that `pg_notify()`s the payload, ' +
    'one LISTEN client, and a bare Socket.IO `io.emit`. Bellhop and the baseline alternate, in halves, in the same run.',
  b:
    'Fan-out: one event to every socket on one relay, Bellhop (lead INSERT → relay → `io.emit`) against bare Socket.IO ' +
    '(`io.emit` from a timer in the server process, the same payload shape).',
  c:
    'The write path: INSERTs per second into `app_public.leads` from 1, 8 and 32 concurrent writers, each with its own connection ' +
    'and autocommit single-row INSERTs back to back. Four columns on the same table in the same run, interleaved: no trigger at all; ' +
    "the design's floor (one row trigger writing one bare notification row, no NOTIFY, no relay); Bellhop (its triggers, relay running, " +
    'a socket watching every notification arrive exactly once); and the naive design (a `pg_notify` per notification row). ' +
    'The Bellhop column also reports delivery (delivered = committed, duplicates), the delivery lag, and the relay\'s CPU per 1,000 notifications.',
  d:
    'The API with a big mailbox: `getNotifications(first: 20)` and `getUnreadCount` over HTTP (GraphQL with a JWT), ' +
    'against the same SQL sent straight through `pg` with the same role and claims, for users in four read states.',
  e:
    'A burst: one `insert into app_public.leads … select … from generate_series(1, 5000)` while N sockets are connected. ' +
    'How long from the commit until every socket has every row, how many rows each socket got (it must be all of them, once), ' +
    'and whether any socket was disconnected on the way.',
  f:
    'Targeted delivery: a comment by one user on a lead that has an owner, 3 followers and 1 @mentioned user notifies those 5 people, ' +
    'one row each. Timed from the INSERT until each of the 5 recipients\' sockets has its one notification; ' +
    "the author's and a bystander's sockets must get nothing.",
};
