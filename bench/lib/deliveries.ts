/** Send at a fixed rate, then match every send with its arrival at the last socket. */
import { nowMs } from './clock';
import { paced } from './pace';
import type { Delivery, SocketFleet } from './sockets';
import type { Inserter } from './inserts';
import type { Server } from 'socket.io';

export interface Source {
  label: string;
  /** Starts one send; resolves with its key once known. `sentAt` is taken before anything else. */
  send(): Promise<{ key: number; sentAt: number }>;
}

export async function deliveries(source: Source, fleet: SocketFleet, sockets: number, rate: number, count: number): Promise<Delivery> {
  const sent = new Map<number, number>();
  await paced(rate, count, async () => {
    const { key, sentAt } = await source.send();
    sent.set(key, sentAt);
  });
  await fleet.settle(count * sockets);
  return fleet.collect(sent);
}

/** A lead INSERT: the notification's relatedLeadId is the new lead's id. */
export function insertSource(label: string, inserter: Inserter): Source {
  return {
    label,
    async send() {
      const sentAt = nowMs();
      const key = await inserter.insert();
      return { key, sentAt };
    },
  };
}

/** io.emit straight from the server: bare Socket.IO, a payload like Bellhop's. */
export function emitSource(label: string, io: Server): Source {
  let key = 0;
  return {
    label,
    send() {
      key += 1;
      const sentAt = nowMs();
      const stamp = new Date().toISOString();
      io.emit('notification:created', {
        id: `00000000-0000-4000-8000-${String(key).padStart(12, '0')}`,
        type: 'lead_created',
        title: 'New Lead Created',
        message: `Bench Lead ${key} added to pipeline`,
        isRead: false,
        relatedLeadId: key,
        createdAt: stamp,
        updatedAt: stamp,
      });
      return Promise.resolve({ key, sentAt });
    },
  };
}
