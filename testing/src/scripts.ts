/**
 * The repository's command-line scripts (`npm run user:add`, `npm run psql`,
 * …) run as child processes, as an operator runs them: their exit code and
 * output, with a deadline.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, killGroup, track } from './children';

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ScriptOptions {
  /** The whole environment of the child (nothing is inherited unless passed here). */
  env: Record<string, string | undefined>;
  /** Written to its stdin, which is then closed. */
  input?: string;
  timeoutMs?: number;
}

/** Runs scripts/<name> with tsx (as `npm run` would), and resolves when it exits. */
export function runScript(name: string, args: string[], { env, input = '', timeoutMs = 60_000 }: ScriptOptions): Promise<ScriptResult> {
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', path.join('scripts', name), ...args], {
      cwd: ROOT,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      env,
    }),
  );
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin!.end(input);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`scripts/${name} ${args.join(' ')} did not finish within ${timeoutMs} ms.\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The directory of the Node.js running the tests: a PATH with node (and npm) on it, and nothing else of this machine's. */
export const NODE_BIN_DIR = path.dirname(process.execPath);
