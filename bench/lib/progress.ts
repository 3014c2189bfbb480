/** Progress lines for a long command: elapsed seconds first, so a stall is visible. */
const started = Date.now();

export function say(line: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  console.log(`[bench ${seconds}s] ${line}`);
}
