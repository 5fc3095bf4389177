import { asc, desc, eq, isNotNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { gifts, participants, redemptions, seasons, teams } from "@/db/schema";

/** The catalogue: active gifts for participants, every gift for admins. */
export async function listGifts(db: Executor, options: { all?: boolean } = {}) {
  const rows = await db.select().from(gifts).orderBy(asc(gifts.cost), asc(gifts.name));
  return options.all ? rows : rows.filter((g) => g.active);
}

/** Redemptions with who asked and for what: the admins' queue (open ones first), or one participant's. */
export async function listRedemptions(db: Executor, options: { participantId?: number; limit?: number } = {}) {
  const q = db
    .select({ id: redemptions.id, status: redemptions.status, cost: redemptions.cost, note: redemptions.note, reason: redemptions.reason, createdAt: redemptions.createdAt, gift: gifts.name, login: participants.login })
    .from(redemptions)
    .innerJoin(gifts, eq(gifts.id, redemptions.giftId))
    .innerJoin(participants, eq(participants.id, redemptions.participantId));
  const filtered = options.participantId === undefined ? q : q.where(eq(redemptions.participantId, options.participantId));
  const rows = await filtered.orderBy(desc(redemptions.id)).limit(options.limit ?? 500);
  const order = { requested: 0, approved: 1, shipped: 2, refused: 3 } as const;
  return rows.sort((a, b) => order[a.status] - order[b.status] || b.id - a.id);
}

/** Final seasons (credits can be issued for them) and their teams (whose split an admin may set). */
export async function finalSeasonsWithTeams(db: Executor) {
  const final = await db.select({ id: seasons.id, slug: seasons.slug, name: seasons.name, finalizedAt: seasons.finalizedAt }).from(seasons).where(isNotNull(seasons.finalizedAt)).orderBy(asc(seasons.startsAt));
  const teamRows = await db.select({ seasonId: teams.seasonId, name: teams.name }).from(teams).orderBy(asc(teams.name));
  return final.map((s) => ({ ...s, teams: teamRows.filter((t) => t.seasonId === s.id).map((t) => t.name) }));
}
