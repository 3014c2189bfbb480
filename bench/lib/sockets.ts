/** The parent's handle on a socket fleet child (fleet.ts). */
import { Child } from './child';
import { nowMs, sleep } from './clock';
import type { Collected, FleetReply, FleetRequest } from './fleetProtocol';

export interface Delivery extends Omit<Collected, 'total'> {
  /** Send → last socket, ms, for every key all sockets got. */
  latencies: number[];
  /** Keys that some socket never got. */
  missing: number;
  /** Receipts beyond one per socket and key. */
  extra: number;
  /** Events received in all since the last collect. */
  total: number;
}

const REPORT_EVERY_MS = 5_000;

export class SocketFleet {
  private readonly child = new Child<FleetRequest, FleetReply>('fleet.ts');
  private size = 0;

  /** `count` sockets, all with one token (or none). Resolves with the time it took, ms. */
  async connect(url: string, count: number, token?: string, trackIds = false): Promise<number> {
    const reply = await this.child.request({ type: 'connect', url, count, token, trackIds }, 'connected');
    this.size = reply.sockets;
    return reply.ms;
  }

  /** One socket per token, in that order, each event logged with its socket index. */
  async connectUsers(url: string, tokens: string[]): Promise<number> {
    const reply = await this.child.request({ type: 'connect', url, count: tokens.length, tokens, trackIds: false, log: true }, 'connected');
    this.size = reply.sockets;
    return reply.ms;
  }

  /**
   * Waits until `expected` events arrived in all, or nothing new came for
   * `quietMs`. `report`, if given, hears the running total every 5 s.
   */
  async settle(expected: number, quietMs = 2_000, limitMs = 30_000, report?: (total: number) => void): Promise<void> {
    const deadline = nowMs() + limitMs;
    let last = -1;
    let lastChange = nowMs();
    let lastReport = nowMs();
    while (nowMs() < deadline) {
      const { total } = await this.child.request({ type: 'progress' }, 'progress');
      if (total >= expected) return;
      if (total !== last) {
        last = total;
        lastChange = nowMs();
      } else if (nowMs() - lastChange > quietMs) {
        return;
      }
      if (report && nowMs() - lastReport >= REPORT_EVERY_MS) {
        lastReport = nowMs();
        report(total);
      }
      await sleep(20);
    }
  }

  /** Everything received since the last collect, matched with the send times. */
  async collect(sentAt: Map<number, number>): Promise<Delivery> {
    const { type: _type, ...reply } = await this.child.request({ type: 'collect' }, 'collected');
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
    return { ...reply, latencies, missing, extra };
  }

  async close(): Promise<void> {
    await this.child.request({ type: 'close' }, 'closed').catch(() => undefined);
    await this.child.stop();
  }
}
