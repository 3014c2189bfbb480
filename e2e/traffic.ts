/** Per page, its GraphQL requests: what a failed wait reports, to tell a stuck request from a UI bug. */
import type { Page, Request } from 'playwright-core';

interface GraphqlExchange {
  operation: string;
  startedAt: number;
  /** null while the request is in flight. */
  outcome: string | null;
}

export class Traffic {
  private readonly pages = new WeakMap<Page, GraphqlExchange[]>();

  /** Starts recording the page's GraphQL requests. */
  record(page: Page): void {
    const exchanges: GraphqlExchange[] = [];
    this.pages.set(page, exchanges);
    const open = new Map<Request, GraphqlExchange>();
    page.on('request', (request) => {
      if (!request.url().includes('/graphql')) return;
      const body = request.postData() ?? '';
      const operation = /"operationName":"(\w+)"/.exec(body)?.[1] ?? request.method();
      const exchange: GraphqlExchange = { operation, startedAt: Date.now(), outcome: null };
      exchanges.push(exchange);
      open.set(request, exchange);
    });
    const settle = (request: Request, outcome: (ms: number) => Promise<string> | string) => {
      const exchange = open.get(request);
      if (!exchange) return;
      open.delete(request);
      // The page may close before the response is read (the test ended): no unhandled rejection.
      void (async () => outcome(Date.now() - exchange.startedAt))().then(
        (text) => {
          exchange.outcome = text;
        },
        () => {
          exchange.outcome = 'unknown: the page closed first';
        },
      );
    };
    page.on('requestfinished', (request) =>
      settle(request, async (ms) => `HTTP ${(await request.response())?.status() ?? '?'} in ${ms} ms`),
    );
    page.on('requestfailed', (request) => settle(request, (ms) => `failed after ${ms} ms: ${request.failure()?.errorText ?? '?'}`));
  }

  /** The page's latest requests, one a line: operation, then status and time taken, or still pending. */
  describe(page: Page): string {
    const now = Date.now();
    return (this.pages.get(page) ?? [])
      .slice(-12)
      .map((exchange) => `${exchange.operation}: ${exchange.outcome ?? `pending for ${now - exchange.startedAt} ms`}`)
      .join('\n  ');
  }
}
