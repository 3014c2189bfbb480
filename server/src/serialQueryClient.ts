/**
 * A pg Client that sends one query at a time. PostGraphile resolves the root
 * fields of a request concurrently on the request's one client; pg queues
 * such queries itself today but warns that pg 9 will refuse them. Queueing
 * here keeps the same order without relying on that.
 */
import { Client } from 'pg';

type AnyQuery = (...args: unknown[]) => unknown;

export class SerialQueryClient extends Client {
  private tail: Promise<unknown> = Promise.resolve();

  override query: Client['query'] = ((...args: unknown[]) => {
    const run = () => (super.query as unknown as AnyQuery)(...args);
    // Callback and Submittable forms (streams, cursors) keep pg's own behaviour.
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args[args.length - 1] === 'function' || typeof first?.submit === 'function') return run();
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }) as Client['query'];
}
