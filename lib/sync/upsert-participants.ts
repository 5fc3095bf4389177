import { inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { participants } from "@/db/schema";
import type { GhActor } from "./types";

/**
 * Upserts GitHub actors as participants and returns their ids by lower-case login. Matched by GitHub id,
 * so a renamed login updates the same participant; a placeholder row made from a season file (login
 * only) is claimed by the first actor with that login.
 */
export async function upsertParticipants(db: Executor, actors: GhActor[]): Promise<Map<string, number>> {
  const byLogin = new Map<string, GhActor>();
  for (const a of actors) byLogin.set(a.login.toLowerCase(), a);
  const list = [...byLogin.values()];
  const out = new Map<string, number>();
  if (list.length === 0) return out;

  const withId = list.filter((a) => a.databaseId !== null);
  if (withId.length > 0) {
    // Claim placeholders (same login, no GitHub id yet) before inserting by GitHub id.
    await db.execute(sql`
      update ${participants} p set github_id = v.github_id
      from (values ${sql.join(
        withId.map((a) => sql`(${a.login.toLowerCase()}, ${a.databaseId}::bigint)`),
        sql`, `,
      )}) as v(login, github_id)
      where lower(p.login) = v.login and p.github_id is null
        and not exists (select 1 from ${participants} q where q.github_id = v.github_id)`);
    // A login now held by a different GitHub account (renamed away and taken): free it on the old row.
    await db.execute(sql`
      update ${participants} p set login = p.login || '~' || p.github_id::text
      from (values ${sql.join(
        withId.map((a) => sql`(${a.login.toLowerCase()}, ${a.databaseId}::bigint)`),
        sql`, `,
      )}) as v(login, github_id)
      where lower(p.login) = v.login and p.github_id is not null and p.github_id <> v.github_id`);
    await db
      .insert(participants)
      .values(
        withId.map((a) => ({
          githubId: a.databaseId,
          login: a.login,
          name: a.name ?? null,
          avatarUrl: a.avatarUrl ?? null,
          isBot: a.isBot,
        })),
      )
      .onConflictDoUpdate({
        target: participants.githubId,
        set: {
          login: sql`excluded.login`,
          name: sql`coalesce(excluded.name, ${participants.name})`,
          avatarUrl: sql`coalesce(excluded.avatar_url, ${participants.avatarUrl})`,
          isBot: sql`excluded.is_bot`,
          updatedAt: sql`now()`,
        },
      });
  }
  const withoutId = list.filter((a) => a.databaseId === null);
  if (withoutId.length > 0) {
    await db
      .insert(participants)
      .values(withoutId.map((a) => ({ login: a.login, name: a.name ?? null, avatarUrl: a.avatarUrl ?? null, isBot: a.isBot })))
      .onConflictDoNothing();
  }
  const rows = await db
    .select({ id: participants.id, login: participants.login })
    .from(participants)
    .where(inArray(sql`lower(${participants.login})`, [...byLogin.keys()]));
  for (const r of rows) out.set(r.login.toLowerCase(), r.id);
  return out;
}
