/**
 * Deterministic randomness for the benchmark data: a sequential generator (mulberry32) and a counter-based one
 * (`uniformAt`), which gives item `i` the same values whether the data is built whole, streamed in chunks, or
 * looked up one item at a time. Same seed, same data, on every machine.
 */

/** A 32-bit avalanche mix (murmur3's finaliser). */
export function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85eb_ca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2_ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A float in [0, 1) that depends only on the seed and the keys (e.g. item index and a stream number). */
export function uniformAt(seed: number, ...keys: number[]): number {
  let h = mix32(seed ^ 0x9e37_79b9);
  for (const k of keys) h = mix32(h ^ mix32((k >>> 0) + 0x7f4a_7c15) ^ Math.floor(k / 4_294_967_296));
  return h / 4_294_967_296;
}

/** mulberry32: a small, fast sequential generator. */
export class Prng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b_79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
}
