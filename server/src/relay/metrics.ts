/** Counters for /metrics, in Prometheus text format. */

const LAG_BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

export class RelayMetrics {
  relayed = 0;
  private readonly lagBuckets = LAG_BUCKETS_MS.map(() => 0);
  private lagCount = 0;
  private lagSumMs = 0;

  observeLag(ms: number): void {
    const value = Math.max(0, ms);
    this.lagCount += 1;
    this.lagSumMs += value;
    LAG_BUCKETS_MS.forEach((bound, i) => {
      if (value <= bound) this.lagBuckets[i]! += 1;
    });
  }

  render(gauges: { sockets: number; listening: boolean; reconnects: number }): string {
    const lines = [
      '# HELP bellhop_sockets_connected Authenticated sockets connected to this relay.',
      '# TYPE bellhop_sockets_connected gauge',
      `bellhop_sockets_connected ${gauges.sockets}`,
      '# HELP bellhop_relay_listening 1 while the LISTEN connection is up.',
      '# TYPE bellhop_relay_listening gauge',
      `bellhop_relay_listening ${gauges.listening ? 1 : 0}`,
      '# HELP bellhop_notifications_relayed_total Notifications emitted to sockets.',
      '# TYPE bellhop_notifications_relayed_total counter',
      `bellhop_notifications_relayed_total ${this.relayed}`,
      '# HELP bellhop_relay_reconnects_total Times the LISTEN connection was lost and re-established.',
      '# TYPE bellhop_relay_reconnects_total counter',
      `bellhop_relay_reconnects_total ${gauges.reconnects}`,
      '# HELP bellhop_relay_lag_seconds From the writing transaction\'s start to the emit.',
      '# TYPE bellhop_relay_lag_seconds histogram',
      ...LAG_BUCKETS_MS.map((bound, i) => `bellhop_relay_lag_seconds_bucket{le="${bound / 1000}"} ${this.lagBuckets[i]}`),
      `bellhop_relay_lag_seconds_bucket{le="+Inf"} ${this.lagCount}`,
      `bellhop_relay_lag_seconds_sum ${this.lagSumMs / 1000}`,
      `bellhop_relay_lag_seconds_count ${this.lagCount}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}
