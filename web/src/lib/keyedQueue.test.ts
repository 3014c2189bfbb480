import { createKeyedQueue } from './keyedQueue';

/** Resolves with `value` after `ms`, noting in `log` when it finished. */
function later(value: string, log: string[], ms = 5): Promise<string> {
  return new Promise((resolve) => {
    setTimeout(() => {
      log.push(value);
      resolve(value);
    }, ms);
  });
}

describe('createKeyedQueue', () => {
  it('runs the tasks of one key in call order, even when an earlier one is slower', async () => {
    const queue = createKeyedQueue();
    const log: string[] = [];
    await Promise.all([queue('a', () => later('first', log, 20)), queue('a', () => later('second', log, 1))]);
    expect(log).toEqual(['first', 'second']);
  });

  it('keeps going after a failure and runs other keys independently', async () => {
    const queue = createKeyedQueue();
    const log: string[] = [];
    const failed = queue('a', () => Promise.reject(new Error('refused')));
    const next = queue('a', () => later('after failure', log));
    const other = queue('b', () => later('other key', log, 1));
    await expect(failed).rejects.toThrow('refused');
    await Promise.all([next, other]);
    expect(log).toEqual(['other key', 'after failure']);
  });
});
