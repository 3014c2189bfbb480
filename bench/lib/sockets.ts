/** The parent's handle on a socket fleet child (fleet.ts). */
import { Child } from './child';
import { nowMs, sleep } from './clock';
import type { FleetReply, FleetRequest, KeyReceipt } from './fleetProtocol';

export interface Delivery {
  /** Send → last socket, ms, for every key all sockets got. */
  latencies: number[];
  /** Keys that some socket never got. */
  missing: number;
  /** Receipts beyond one per socket and key. */
  extra: number;
  distinctIds: number;
  duplicateIds: number;
  receipts: KeyReceipt[];
}

export class SocketFleet {
  private readonly child = new Child<FleetRequest, FleetReply>('fleet.ts');
  private size = 0;

  async connect(url: string, count: number, token?: string, trackIds = false): Promise<number> {
    const reply = await this.child.request({ type: 'connect', url, count, token, trackIds }, 'connected');
    this.size = reply.sockets;
    return reply.ms;
  }

  /** Waits until `expected` events arrived in all, or nothing new came for `quietMs`. */
  async settle(expected: number, quietMs = 2_000, limitMs = 30_000): Promise<void> {
    const deadline = nowMs() + limitMs;
    let last = -1;
    let lastChange = nowMs();
    while (nowMs() < deadline) {
      const { total } = await this.child.request({ type: 'progress' }, 'progress');
      if (total >= expected) return;
      if (total !== last) {
        last = total;
        lastChange = nowMs();
      } else if (nowMs() - lastChange > quietMs) {
        return;
      }
      await sleep(20);
    }
  }

  /** Everything received since the last collect, matched with the send times. */
  async collect(sentAt: Map<number, number>): Promise<Delivery> {
    const reply = await this.child.request({ type: 'collect' }, 'collected');
    const byKey = new Map(reply.receipts.map((receipt) => [receipt.key, receipt]));
    const latencies: number[] = [];
    let missing = 0;
    let extra = 0;
    for (const [key, sent] of sentAt) {
      const receipt = byKey.get(key);
      if (!receipt || receipt.count < this.size) {
        missing += 1;
        continue;
      }
      extra += receipt.count - this.size;
      latencies.push(receipt.last - sent);
    }
    return { latencies, missing, extra, distinctIds: reply.distinctIds, duplicateIds: reply.duplicateIds, receipts: reply.receipts };
  }

  async close(): Promise<void> {
    await this.child.request({ type: 'close' }, 'closed').catch(() => undefined);
    await this.child.stop();
  }
}
