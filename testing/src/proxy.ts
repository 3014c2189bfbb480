/**
 * A TCP proxy in front of PostgreSQL that can go silent: freeze() stops every
 * connection open at that moment in both directions without closing it, as a
 * firewall dropping the flow or a frozen host would. Connections opened
 * afterwards pass normally.
 */
import net from 'node:net';

export class FreezingProxy {
  private readonly flowing = new Set<net.Socket>();
  private readonly frozen = new Set<net.Socket>();
  private readonly server: net.Server;

  private constructor(target: { host: string; port: number }) {
    this.server = net.createServer((downstream) => {
      const upstream = net.connect(target.port, target.host);
      for (const [from, to] of [
        [downstream, upstream],
        [upstream, downstream],
      ] as const) {
        this.flowing.add(from);
        from.pipe(to);
        from.on('error', () => to.destroy());
        from.on('close', () => {
          this.flowing.delete(from);
          to.destroy();
        });
      }
    });
  }

  static async start(target: { host: string; port: number }): Promise<FreezingProxy> {
    const proxy = new FreezingProxy(target);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  /** The same connection string, through this proxy. */
  url(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String((this.server.address() as net.AddressInfo).port);
    return url.toString();
  }

  /** Connections frozen so far. */
  get frozenCount(): number {
    return this.frozen.size / 2;
  }

  freeze(): void {
    for (const socket of this.flowing) {
      socket.unpipe();
      socket.pause();
      this.frozen.add(socket);
    }
    this.flowing.clear();
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of [...this.flowing, ...this.frozen]) socket.destroy();
    await closed;
  }
}
