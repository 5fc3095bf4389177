import { sql } from "drizzle-orm";
import { rowsOf, type Executor } from "@/db/client";
import { columnList, jsonRows } from "@/db/json-rows";
import { participants } from "@/db/schema";
import type { GhActor } from "./types";

/**
 * Upserts GitHub actors as participants and returns their ids by lower-case login. Matched by GitHub id,
 * so a renamed login updates the same participant; a placeholder row made from a season file (login
 * only) is claimed by the first actor with that login.
 */
const PEOPLE = { github_id: "bigint", login: "text", name: "text", avatar_url: "text", is_bot: "boolean" };

export async function upsertParticipants(db: Executor, actors: GhActor[]): Promise<Map<string, number>> {
  const byLogin = new Map<string, GhActor>();
  for (const a of actors) byLogin.set(a.login.toLowerCase(), a);
  const list = [...byLogin.values()];
  const out = new Map<string, number>();
  if (list.length === 0) return out;

  const withId = list.filter((a) => a.databaseId !== null);
  if (withId.length > 0) {
    const ids = jsonRows(
      withId.map((a) => ({ login: a.login.toLowerCase(), github_id: a.databaseId })),
      { login: "text", github_id: "bigint" },
    );
    // Claim placeholders (same login, no GitHub id yet) before inserting by GitHub id.
    await db.execute(sql`
      update ${participants} p set github_id = v.github_id
      from (${ids}) as v
      where lower(p.login) = v.login and p.github_id is null
        and not exists (select 1 from ${participants} q where q.github_id = v.github_id)`);
    // A login now held by a different GitHub account (renamed away and taken): free it on the old row.
    await db.execute(sql`
      update ${participants} p set login = p.login || '~' || p.github_id::text
      from (${ids}) as v
      where lower(p.login) = v.login and p.github_id is not null and p.github_id <> v.github_id`);
    const rows = withId.map((a) => ({ github_id: a.databaseId, login: a.login, name: a.name ?? null, avatar_url: a.avatarUrl ?? null, is_bot: a.isBot }));
    await db.execute(sql`
      insert into ${participants} ${columnList(PEOPLE)} ${jsonRows(rows, PEOPLE)}
      on conflict (github_id) do update set
        login = excluded.login,
        name = coalesce(excluded.name, ${participants.name}),
        avatar_url = coalesce(excluded.avatar_url, ${participants.avatarUrl}),
        is_bot = excluded.is_bot,
        updated_at = now()`);
  }
  const withoutId = list.filter((a) => a.databaseId === null);
  if (withoutId.length > 0) {
    await db
      .insert(participants)
      .values(withoutId.map((a) => ({ login: a.login, name: a.name ?? null, avatarUrl: a.avatarUrl ?? null, isBot: a.isBot })))
      .onConflictDoNothing();
  }
  const logins = jsonRows([...byLogin.keys()].map((login) => ({ login })), { login: "text" });
  const rows = rowsOf<{ id: number; login: string }>(
    await db.execute(sql`select p.id, p.login from ${participants} p join (${logins}) as v on lower(p.login) = v.login`),
  );
  for (const r of rows) out.set(r.login.toLowerCase(), r.id);
  return out;
}
