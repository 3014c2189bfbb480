/**
 * A TypeScript child process with a request/reply channel: one request at a
 * time, each answered by exactly one message (or an error).
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export class Child<Request extends { type: string }, Reply extends { type: string }> {
  private readonly process: ChildProcess;
  private pending: { resolve(reply: Reply): void; reject(error: Error): void } | null = null;
  private exited = false;

  constructor(file: string, args: string[] = []) {
    // tsx's loader flags are in execArgv, so the child can run TypeScript too.
    this.process = fork(path.join(__dirname, file), args, { execArgv: process.execArgv, serialization: 'advanced' });
    this.process.on('message', (message: Reply) => {
      const pending = this.pending;
      this.pending = null;
      if (!pending) return;
      if (message.type === 'error') pending.reject(new Error(`${file}: ${(message as unknown as { message: string }).message}`));
      else pending.resolve(message);
    });
    this.process.on('exit', (code) => {
      this.exited = true;
      this.pending?.reject(new Error(`${file} exited with code ${code}`));
      this.pending = null;
    });
  }

  request<T extends Reply['type']>(message: Request, expect: T): Promise<Extract<Reply, { type: T }>> {
    if (this.exited) return Promise.reject(new Error('The child process has exited.'));
    if (this.pending) return Promise.reject(new Error('One request at a time.'));
    return new Promise((resolve, reject) => {
      this.pending = {
        resolve: (reply) => {
          if (reply.type === expect) resolve(reply as Extract<Reply, { type: T }>);
          else reject(new Error(`Expected ${expect}, got ${reply.type}`));
        },
        reject,
      };
      this.process.send(message);
    });
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    this.process.disconnect();
    const timer = setTimeout(() => this.process.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
