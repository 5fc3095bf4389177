/**
 * The wallet's pure rules (no I/O): credits come in lots, one per final season; each lot is redeemable from its
 * season's finalization until the end (`endsAt`) of the next season, then what is left of it expires. Spends take
 * from the lot that expires soonest. The balance is the sum of the ledger; `available` leaves out lots already
 * past their expiry whose expire entry is not written yet (it is written by the next change of that wallet).
 */

export type LedgerLine = { lotSeasonId: number; credits: number };
export type SeasonWindow = { id: number; startsAt: Date; endsAt: Date };
export type Lot = { seasonId: number; remaining: number; expiresAt: Date | null; expired: boolean };
export type WalletState = { balance: number; available: number; lots: Lot[] };

/** When credits earned in `season` expire: the end of the season that starts next (null while there is none). */
export function lotExpiry(seasonId: number, all: readonly SeasonWindow[]): Date | null {
  const own = all.find((s) => s.id === seasonId);
  if (!own) return null;
  const later = all
    .filter((s) => s.id !== seasonId && (s.startsAt.getTime() > own.startsAt.getTime() || (s.startsAt.getTime() === own.startsAt.getTime() && s.id > own.id)))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id - b.id);
  return later[0]?.endsAt ?? null;
}

/** The wallet from its ledger lines: the balance, the lots with what is left of each, and what may be spent now. */
export function walletState(lines: readonly LedgerLine[], seasons: readonly SeasonWindow[], now: Date): WalletState {
  const remaining = new Map<number, number>();
  for (const l of lines) remaining.set(l.lotSeasonId, (remaining.get(l.lotSeasonId) ?? 0) + l.credits);
  const lots: Lot[] = [...remaining.entries()].map(([seasonId, left]) => {
    const expiresAt = lotExpiry(seasonId, seasons);
    return { seasonId, remaining: left, expiresAt, expired: expiresAt !== null && expiresAt.getTime() <= now.getTime() };
  });
  lots.sort(bySpendOrder);
  const balance = lines.reduce((n, l) => n + l.credits, 0);
  const available = lots.filter((l) => !l.expired && l.remaining > 0).reduce((n, l) => n + l.remaining, 0);
  return { balance, available, lots };
}

/** Soonest expiry first; lots without an expiry yet last; then the older season. */
function bySpendOrder(a: Lot, b: Lot): number {
  const ea = a.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const eb = b.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return ea - eb || a.seasonId - b.seasonId;
}

/** The expire entries due now: what is left of each lot past its expiry (a refund into an expired lot expires too). */
export function dueExpiries(state: WalletState): { lotSeasonId: number; credits: number }[] {
  return state.lots.filter((l) => l.expired && l.remaining > 0).map((l) => ({ lotSeasonId: l.seasonId, credits: -l.remaining }));
}

/** How a spend of `cost` draws on the lots (soonest expiry first), or null when the unexpired lots hold too little. */
export function allocateSpend(state: WalletState, cost: number): { lotSeasonId: number; credits: number }[] | null {
  if (!Number.isInteger(cost) || cost <= 0) throw new RangeError("a spend is a positive whole number of credits");
  if (state.available < cost) return null;
  const out: { lotSeasonId: number; credits: number }[] = [];
  let left = cost;
  for (const lot of state.lots) {
    if (left === 0) break;
    if (lot.expired || lot.remaining <= 0) continue;
    const take = Math.min(lot.remaining, left);
    out.push({ lotSeasonId: lot.seasonId, credits: -take });
    left -= take;
  }
  return out;
}

export type ShareHolder = { participantId: number; login: string; share: number };

/**
 * A team's credits split among its members by their shares (weights; all equal when none is set), in whole
 * credits: each gets the floor of their part, and the credits left over go one each to the largest remainders
 * (ties: the lower-case login first). The parts add up to `total` exactly.
 */
export function splitCredits(total: number, members: readonly ShareHolder[]): Map<number, number> {
  const out = new Map<number, number>();
  if (members.length === 0 || total <= 0) return out;
  const weights = members.every((m) => m.share === 0) ? members.map(() => 1) : members.map((m) => m.share);
  const sum = weights.reduce((n, w) => n + w, 0);
  const parts = members.map((m, i) => {
    const scaled = total * weights[i]!;
    return { m, weight: weights[i]!, base: Math.floor(scaled / sum), rest: scaled % sum };
  });
  let left = total - parts.reduce((n, p) => n + p.base, 0);
  const order = parts.filter((p) => p.weight > 0).sort((a, b) => b.rest - a.rest || a.m.login.toLowerCase().localeCompare(b.m.login.toLowerCase()));
  for (const p of order) {
    if (left === 0) break;
    p.base += 1;
    left -= 1;
  }
  for (const p of parts) out.set(p.m.participantId, p.base);
  return out;
}

/**
 * The earn entry that brings a participant's credits of one season to `due`, given what was earned there
 * before: the difference, except that a decrease takes back at most what is left of that lot (never negative).
 */
export function earnCorrection(due: number, earnedBefore: number, lotRemaining: number): number {
  const delta = due - earnedBefore;
  if (delta >= 0) return delta;
  const back = Math.min(-delta, Math.max(0, lotRemaining));
  return back === 0 ? 0 : -back;
}
