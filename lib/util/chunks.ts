/** Bounded pieces of a list: bulk statements stay under PostgreSQL's parameter limit and a reader is never stalled long. */
export const CHUNK = 1000;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `fn` on each chunk in turn and concatenates what it returns. */
export async function inChunks<T, R>(items: readonly T[], fn: (part: T[]) => Promise<R[]>, size = CHUNK): Promise<R[]> {
  const out: R[] = [];
  for (const part of chunks(items, size)) out.push(...(await fn(part)));
  return out;
}

/** Runs `fn` on each chunk in turn, for its effect. */
export async function eachChunk<T>(items: readonly T[], fn: (part: T[]) => Promise<unknown>, size = CHUNK): Promise<void> {
  for (const part of chunks(items, size)) await fn(part);
}
