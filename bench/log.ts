/** Progress lines on stderr (the table goes to stdout), with the time since the run started. */
const t0 = performance.now();

export function log(message: string): void {
  const s = ((performance.now() - t0) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${s}s] ${message}\n`);
}

/** Runs `fn`, logs how long it took, returns its value and the milliseconds. */
export async function timed<T>(what: string, fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await fn();
  const ms = performance.now() - started;
  log(`${what}: ${(ms / 1000).toFixed(1)} s`);
  return { value, ms };
}
