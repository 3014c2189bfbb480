/** What a running server says about itself: /metrics and /healthz. */

/** /metrics in Prometheus text, as name (with labels) → value. */
export async function metrics(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const values: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match) values[match[1]!] = Number(match[2]);
  }
  return values;
}

export interface Health {
  status: number;
  body: { status?: string; database?: string; relay: { listening: boolean; database: string; sockets: number } };
}

/** /healthz: its status code and body. */
export async function health(url: string): Promise<Health> {
  const response = await fetch(`${url}/healthz`);
  return { status: response.status, body: (await response.json()) as Health['body'] };
}
