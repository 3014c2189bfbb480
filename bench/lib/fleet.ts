/**
 * A child process holding many real Socket.IO clients (websocket transport),
 * so the server under test does not share its event loop with its clients.
 * It notes when each `notification:created` event reaches each socket, keyed
 * by relatedLeadId; the parent matches those keys with its send times.
 */
import { io, type Socket } from 'socket.io-client';
import { nowMs } from './clock';
import type { FleetReply, FleetRequest, KeyReceipt } from './fleetProtocol';

const EVENT = 'notification:created';
const CONNECT_BATCH = 200;
const CONNECT_TIMEOUT_MS = 30_000;

let sockets: Socket[] = [];
let receipts = new Map<number, KeyReceipt>();
let ids = new Map<string, number>();
let total = 0;
let trackIds = false;

function reply(message: FleetReply): void {
  process.send!(message);
}

function record(payload: { id?: string; relatedLeadId?: number | null }): void {
  const at = nowMs();
  total += 1;
  const key = payload.relatedLeadId ?? -1;
  const entry = receipts.get(key);
  if (entry) {
    entry.count += 1;
    entry.last = at;
  } else {
    receipts.set(key, { key, count: 1, first: at, last: at });
  }
  if (trackIds && payload.id) ids.set(payload.id, (ids.get(payload.id) ?? 0) + 1);
}

function open(url: string, token: string | undefined): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: CONNECT_TIMEOUT_MS,
      auth: token ? { token } : {},
    });
    socket.on(EVENT, record);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

async function connect(url: string, count: number, token: string | undefined): Promise<void> {
  const started = nowMs();
  while (sockets.length < count) {
    const batch = Math.min(CONNECT_BATCH, count - sockets.length);
    sockets.push(...(await Promise.all(Array.from({ length: batch }, () => open(url, token)))));
  }
  reply({ type: 'connected', sockets: sockets.length, ms: nowMs() - started });
}

function collect(): void {
  let duplicates = 0;
  for (const count of ids.values()) duplicates += Math.max(0, count - 1);
  reply({ type: 'collected', receipts: [...receipts.values()], total, distinctIds: ids.size, duplicateIds: duplicates });
  receipts = new Map();
  ids = new Map();
  total = 0;
}

function close(): void {
  for (const socket of sockets) socket.close();
  sockets = [];
  reply({ type: 'closed' });
}

process.on('message', (message: FleetRequest) => {
  try {
    switch (message.type) {
      case 'connect':
        trackIds = message.trackIds;
        connect(message.url, message.count, message.token).catch((error: Error) => reply({ type: 'error', message: error.message }));
        break;
      case 'progress':
        reply({ type: 'progress', total });
        break;
      case 'collect':
        collect();
        break;
      case 'close':
        close();
        break;
    }
  } catch (error) {
    reply({ type: 'error', message: (error as Error).message });
  }
});
process.on('disconnect', () => process.exit(0));
