/**
 * Child processes of the tests. Every child is started in its own process
 * group and registered, so a failing test (or a crashing Jest worker) leaves
 * nothing running.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';

/** The repository root: where `node --import tsx` finds tsx, and node_modules lives. */
export const ROOT = path.resolve(__dirname, '../..');

const live = new Set<ChildProcess>();

export function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

process.once('exit', () => {
  for (const child of live) killGroup(child, 'SIGKILL');
});

/** Killed with its group if this process exits first. */
export function track(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Output kept for the failure message, not printed while things go well. */
export class Tail {
  private lines: string[] = [];
  constructor(private readonly max = 200) {}
  push(chunk: Buffer): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }
  toString(): string {
    return this.lines.join('\n');
  }
}
