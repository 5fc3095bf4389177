import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { participants, repositories, roles, users } from "@/db/schema";
import { env } from "@/lib/env";
import type { Viewer } from "./permissions";
import { transaction } from "@/db/transaction";

/** The viewer behind an Auth.js user id: their participant, admin flag and maintained repositories. */
export async function loadViewer(db: Executor, userId: string): Promise<Viewer | null> {
  const [row] = await db
    .select({ participantId: users.participantId, login: participants.login })
    .from(users)
    .leftJoin(participants, eq(participants.id, users.participantId))
    .where(eq(users.id, userId));
  if (!row) return null;
  if (row.participantId === null || row.login === null) {
    return { userId, participantId: null, login: "", isAdmin: false, maintainerOf: [] };
  }
  const granted = await db
    .select({ role: roles.role, repo: repositories.fullName })
    .from(roles)
    .leftJoin(repositories, eq(repositories.id, roles.repositoryId))
    .where(eq(roles.participantId, row.participantId));
  const isAdmin = granted.some((g) => g.role === "admin") || env().admins.includes(row.login.toLowerCase());
  const maintainerOf = granted.filter((g) => g.role === "maintainer" && g.repo).map((g) => g.repo!.toLowerCase());
  return { userId, participantId: row.participantId, login: row.login, isAdmin, maintainerOf };
}

/**
 * Links a signed-in GitHub account to its participant by GitHub id (a participant may have scored before
 * signing in; a renamed login still matches), updating login, name and avatar.
 */
export async function linkParticipant(
  db: Executor,
  userId: string,
  profile: { id: number; login: string; name?: string | null; avatar_url?: string | null },
): Promise<number> {
  return transaction(db, async (tx) => {
    // A placeholder (login only, from a season file) is claimed; a login now used by another account is freed.
    await tx.execute(sql`update ${participants} set github_id = ${profile.id}
      where lower(login) = lower(${profile.login}) and github_id is null
        and not exists (select 1 from ${participants} q where q.github_id = ${profile.id})`);
    await tx.execute(sql`update ${participants} set login = login || '~' || github_id::text
      where lower(login) = lower(${profile.login}) and github_id is not null and github_id <> ${profile.id}`);
    const [row] = await tx
      .insert(participants)
      .values({ githubId: profile.id, login: profile.login, name: profile.name ?? null, avatarUrl: profile.avatar_url ?? null })
      .onConflictDoUpdate({
        target: participants.githubId,
        set: {
          login: profile.login,
          name: sql`coalesce(${profile.name ?? null}, ${participants.name})`,
          avatarUrl: sql`coalesce(${profile.avatar_url ?? null}, ${participants.avatarUrl})`,
          updatedAt: new Date(),
        },
      })
      .returning({ id: participants.id });
    await tx.update(users).set({ participantId: row!.id }).where(eq(users.id, userId));
    return row!.id;
  });
}
