/**
 * A fixture for one test file (or one describe block): started in beforeAll,
 * stopped in afterAll, and used in between through the object this returns.
 *
 *   const stack = useStack();        // at the top of the file, not in a hook
 *   test('…', async () => { await stack.data('{ getUnreadCount }', {}, token); });
 *
 * The object stands in for the running fixture: every property read is
 * passed on to it (methods keep their `this`), and reading one before
 * beforeAll has run, or after it failed, says so.
 */
export function useFixture<T extends object>(
  what: string,
  start: () => Promise<T>,
  stop: (value: T) => Promise<void>,
  timeoutMs?: number,
): T {
  let value: T | undefined;
  beforeAll(async () => {
    value = await start();
  }, timeoutMs);
  afterAll(async () => {
    const running = value;
    value = undefined;
    if (running) await stop(running);
  }, timeoutMs);
  return new Proxy({} as T, {
    get(_target, property) {
      if (!value) throw new Error(`${what} is not running: use it inside tests and hooks (or did its beforeAll fail?).`);
      const member = Reflect.get(value, property, value) as unknown;
      return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(value) : member;
    },
  });
}
