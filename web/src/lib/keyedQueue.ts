export type KeyedQueue = <T>(key: string, send: () => Promise<T>) => Promise<T>;

/**
 * Runs the tasks of one key one after another, in call order; different keys run
 * independently. A failed task does not stop the ones queued after it.
 */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, send: () => Promise<T>): Promise<T> => {
    const run = (tails.get(key) ?? Promise.resolve()).catch(() => undefined).then(send);
    tails.set(key, run);
    const forget = () => {
      if (tails.get(key) === run) tails.delete(key);
    };
    run.then(forget, forget);
    return run;
  };
}
