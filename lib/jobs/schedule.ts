import crypto from "node:crypto";

/** When scheduled jobs run: pure arithmetic over an interval, so every instance (and a test's clock) agrees. */

const DAY = 86_400_000;

export type SeasonWindow = { slug: string; startsAt: Date; endsAt: Date; graceDays: number };

/** A season is open from its start until its end plus its grace days (merged pull requests may still arrive). */
export function isOpen(season: SeasonWindow, now: Date): boolean {
  const t = now.getTime();
  return t >= season.startsAt.getTime() && t <= season.endsAt.getTime() + season.graceDays * DAY;
}

/** The numbered slot `now` falls in: slot n covers [n·interval, (n+1)·interval) seconds since the epoch. */
export function slotOf(now: Date, intervalSeconds: number): number {
  if (!(intervalSeconds > 0)) throw new Error("the interval must be positive");
  return Math.floor(now.getTime() / 1000 / intervalSeconds);
}

export function slotStart(slot: number, intervalSeconds: number): Date {
  return new Date(slot * intervalSeconds * 1000);
}

/** The next slot's start: when the next scheduled run is due (the current slot's run is sent at its first tick). */
export function nextSlotStart(now: Date, intervalSeconds: number): Date {
  return slotStart(slotOf(now, intervalSeconds) + 1, intervalSeconds);
}

/**
 * The id of one scheduled job: the same for every instance that sends it in the same slot, so the queue stores
 * it once (its insert does nothing on a conflicting id). A UUID (version 8, "custom") made from a SHA-256.
 */
export function scheduledJobId(name: string, key: string, slot: number): string {
  const hex = crypto.createHash("sha256").update(`${name}\n${key}\n${slot}`).digest("hex").slice(0, 32).split("");
  hex[12] = "8";
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** How often an instance looks for due slots: every interval, but at least once a minute (a slot starts ≤ 1 min late). */
export function tickEveryMs(intervalSeconds: number): number {
  return Math.min(intervalSeconds, 60) * 1000;
}
