/**
 * One clock for every process of the bench: CLOCK_MONOTONIC, which Node's
 * hrtime reads and which all processes on the machine share, so a time taken
 * in the parent and one taken in a socket fleet child can be subtracted.
 */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
