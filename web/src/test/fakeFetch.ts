/**
 * A stand-in for window.fetch that answers every GraphQL request the way `reply` says:
 * an HTTP status with a JSON body, or a failure of the network itself. It has just what
 * Apollo's HttpLink reads (jsdom has no fetch or Response).
 */
export type Reply =
  | { status: number; body: unknown }
  | { networkError: string };

export interface FakeFetch {
  fetch: typeof fetch;
  /** What the next requests get. */
  reply(next: Reply | ((operationName: string) => Reply)): void;
  operations: string[];
}

export function fakeFetch(initial: Reply | ((operationName: string) => Reply)): FakeFetch {
  let replyWith = initial;
  const operations: string[] = [];
  const impl = async (_url: unknown, init?: { body?: unknown }) => {
    const { operationName } = JSON.parse(String(init?.body ?? '{}')) as { operationName: string };
    operations.push(operationName);
    const r = typeof replyWith === 'function' ? replyWith(operationName) : replyWith;
    if ('networkError' in r) throw new TypeError(r.networkError);
    const text = JSON.stringify(r.body);
    return { status: r.status, ok: r.status < 300, headers: { get: () => 'application/json; charset=utf-8' }, text: async () => text };
  };
  return {
    fetch: impl as unknown as typeof fetch,
    reply(next) {
      replyWith = next;
    },
    operations,
  };
}
