/**
 * Deterministic randomness for the benchmark data: a counter-based generator (`uniformAt`), which gives item
 * `i` the same values whether the data is built whole, streamed in chunks, or looked up one item at a time. Same seed, same data, on every machine.
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
