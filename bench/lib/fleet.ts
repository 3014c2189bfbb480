/**
 * A child process holding many real Socket.IO clients (websocket transport),
 * so the server under test does not share its event loop with its clients.
 * It notes when each `notification:created` event reaches each socket, keyed
 * by relatedLeadId; the parent matches those keys with its send times.
 */
import { io, type Socket } from 'socket.io-client';
import { SERVER_EVENTS } from '@bellhop/contract';
import { nowMs } from './clock';
import type { FleetReply, FleetRequest, KeyReceipt, LogEntry } from './fleetProtocol';

const CONNECT_BATCH = 200;
const CONNECT_TIMEOUT_MS = 30_000;

let sockets: Socket[] = [];
let receipts = new Map<number, KeyReceipt>();
let ids = new Map<string, number>();
let perSocket: number[] = [];
let log: LogEntry[] = [];
let total = 0;
let disconnects = 0;
let trackIds = false;
let logging = false;

function reply(message: FleetReply): void {
  process.send!(message);
}

function record(payload: { id?: string; type?: string; relatedLeadId?: number | null }, socket: number): void {
  const at = nowMs();
  total += 1;
  perSocket[socket] = (perSocket[socket] ?? 0) + 1;
  const key = payload.relatedLeadId ?? -1;
  const entry = receipts.get(key);
  if (entry) {
    entry.count += 1;
    entry.last = at;
  } else {
    receipts.set(key, { key, count: 1, first: at, last: at });
  }
  if (trackIds && payload.id) ids.set(payload.id, (ids.get(payload.id) ?? 0) + 1);
  if (logging) log.push({ socket, at, type: payload.type ?? '', key });
}

function open(url: string, token: string | undefined, index: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: CONNECT_TIMEOUT_MS,
      auth: token ? { token } : {},
    });
    socket.on(SERVER_EVENTS.created, (payload: Parameters<typeof record>[0]) => record(payload, index));
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') disconnects += 1;
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

async function connect(request: Extract<FleetRequest, { type: 'connect' }>): Promise<void> {
  const started = nowMs();
  const count = request.tokens?.length ?? request.count;
  trackIds = request.trackIds;
  logging = request.log ?? false;
  while (sockets.length < count) {
    const batch = Math.min(CONNECT_BATCH, count - sockets.length);
    const from = sockets.length;
    const tokenFor = (i: number) => request.tokens?.[i] ?? request.token;
    sockets.push(...(await Promise.all(Array.from({ length: batch }, (_, i) => open(request.url, tokenFor(from + i), from + i)))));
  }
  reply({ type: 'connected', sockets: sockets.length, ms: nowMs() - started });
}

function collect(): void {
  let duplicates = 0;
  for (const count of ids.values()) duplicates += Math.max(0, count - 1);
  const counts = Array.from({ length: sockets.length }, (_, i) => perSocket[i] ?? 0);
  reply({ type: 'collected', receipts: [...receipts.values()], total, distinctIds: ids.size, duplicateIds: duplicates, perSocket: counts, disconnects, log });
  receipts = new Map();
  ids = new Map();
  perSocket = [];
  log = [];
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
        connect(message).catch((error: Error) => reply({ type: 'error', message: error.message }));
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
