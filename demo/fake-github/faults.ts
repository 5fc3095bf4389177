import { z } from "zod";

/**
 * Failures the fake injects into its next GraphQL responses, as GitHub (or a proxy in front of it) produces them:
 * - `502`: HTTP 502 with an HTML body;
 * - `secondary`: HTTP 403, `retry-after: 1`, GitHub's secondary-rate-limit JSON;
 * - `exhausted`: HTTP 200 with a `RATE_LIMITED` error, `x-ratelimit-remaining: 0`, reset two seconds ahead;
 * - `timeout`: no answer at all (for 30 s by default, then the connection is dropped).
 * Settable in-process (`fake.faults`) or over HTTP: `POST /_fake/faults` with a `FaultRequest` JSON body.
 */

export const FAULT_KINDS = ["502", "secondary", "exhausted", "timeout"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultControl {
  /** The next `times` GraphQL requests fail this way (queued after any already pending). */
  failNext(kind: FaultKind, times?: number): void;
  /** Every token's rate-limit budget (and new tokens') has `remaining` points left. */
  setRemaining(remaining: number): void;
  /** Drop pending faults. */
  clear(): void;
  /** Pending faults, in order. */
  pending(): FaultKind[];
}

export const ZFaultRequest = z.strictObject({
  failNext: z.strictObject({ kind: z.enum(FAULT_KINDS), times: z.int().min(1).max(1000).default(1) }).optional(),
  setRemaining: z.int().min(0).optional(),
  clear: z.boolean().optional(),
});
export type FaultRequest = z.input<typeof ZFaultRequest>;

export class Faults implements FaultControl {
  private queue: FaultKind[] = [];

  constructor(private readonly onSetRemaining: (remaining: number) => void) {}

  failNext(kind: FaultKind, times = 1): void {
    if (!FAULT_KINDS.includes(kind)) throw new Error(`unknown fault kind ${String(kind)}`);
    for (let i = 0; i < times; i++) this.queue.push(kind);
  }

  setRemaining(remaining: number): void {
    this.onSetRemaining(remaining);
  }

  clear(): void {
    this.queue = [];
  }

  pending(): FaultKind[] {
    return [...this.queue];
  }

  /** The fault for this request, if any (consumed). */
  take(): FaultKind | undefined {
    return this.queue.shift();
  }

  apply(request: z.output<typeof ZFaultRequest>): void {
    if (request.clear === true) this.clear();
    if (request.failNext) this.failNext(request.failNext.kind, request.failNext.times);
    if (request.setRemaining !== undefined) this.setRemaining(request.setRemaining);
  }
}
