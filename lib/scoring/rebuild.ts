import { asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { participants, seasons, seasonTotals } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { refreshTotals } from "./refresh-totals";
import { transaction } from "@/db/transaction";

export type RebuildReport = { season: string; participants: number; differences: { login: string; before: number | null; after: number | null }[] };

/** Recomputes each season's totals from the ledger and reports what differed (nothing, on a consistent database). */
export async function rebuildTotals(db: Executor, slug?: string): Promise<RebuildReport[]> {
  const list = await db.select().from(seasons).where(slug ? eq(seasons.slug, slug) : undefined).orderBy(asc(seasons.startsAt));
  if (slug && list.length === 0) throw new NotFoundError(`season ${slug}`);
  const reports: RebuildReport[] = [];
  for (const season of list) {
    reports.push(
      await transaction(db, async (tx) => {
        const snapshot = async () =>
          new Map(
            (
              await tx
                .select({ login: participants.login, points: seasonTotals.points, raw: seasonTotals.rawPoints, tasks: seasonTotals.tasks, reachedAt: seasonTotals.reachedAt })
                .from(seasonTotals)
                .innerJoin(participants, eq(participants.id, seasonTotals.participantId))
                .where(eq(seasonTotals.seasonId, season.id))
            ).map((r) => [r.login, r]),
          );
        const before = await snapshot();
        await refreshTotals(tx, season.id);
        const after = await snapshot();
        const differences: RebuildReport["differences"] = [];
        for (const login of new Set([...before.keys(), ...after.keys()])) {
          const a = before.get(login);
          const b = after.get(login);
          if (!a || !b || a.points !== b.points || a.raw !== b.raw || a.tasks !== b.tasks || a.reachedAt.getTime() !== b.reachedAt.getTime()) {
            differences.push({ login, before: a?.points ?? null, after: b?.points ?? null });
          }
        }
        return { season: season.slug, participants: after.size, differences };
      }),
    );
  }
  return reports;
}
