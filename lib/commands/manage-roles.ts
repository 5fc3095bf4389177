import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { participants, repositories, roles } from "@/db/schema";
import { ForbiddenError, can, type Viewer } from "@/lib/auth/permissions";
import { ZLogin, ZRepoName } from "@/lib/seasons/season-file";
import { ensureParticipantsByLogin } from "@/lib/participants/ensure-by-login";
import { audit, NotFoundError, RuleError } from "./context";

export const ZRoleChange = z
  .object({
    login: ZLogin,
    role: z.enum(["admin", "maintainer"], { error: "expected admin or maintainer" }),
    repo: z.preprocess((v) => (v === "" ? undefined : v), ZRepoName.optional()),
  })
  .superRefine((v, ctx) => {
    if (v.role === "maintainer" && !v.repo) ctx.addIssue({ code: "custom", path: ["repo"], message: "a maintainer needs a repository (--repo owner/name)" });
    if (v.role === "admin" && v.repo) ctx.addIssue({ code: "custom", path: ["repo"], message: "admins hold every repository; leave the repository out" });
  });
export type RoleChange = z.infer<typeof ZRoleChange>;

/** Who changes roles: an admin viewer, or the operator's CLI (null viewer, shell access). */
type Actor = Viewer | "cli";

function authorise(actor: Actor) {
  if (actor !== "cli" && !can(actor, "role.manage")) throw new ForbiddenError("role.manage");
}

async function repoId(db: Db | Parameters<Parameters<Db["transaction"]>[0]>[0], repo: string | undefined) {
  if (!repo) return null;
  const [r] = await db.select({ id: repositories.id }).from(repositories).where(eq(repositories.fullName, repo.toLowerCase()));
  if (!r) throw new RuleError(`${repo} is not a repository of any season`);
  return r.id;
}

export async function grantRole(db: Db, actor: Actor, input: RoleChange): Promise<"granted" | "unchanged"> {
  authorise(actor);
  return db.transaction(async (tx) => {
    const ids = await ensureParticipantsByLogin(tx, [input.login]);
    const participantId = ids.get(input.login.toLowerCase())!;
    const repositoryId = await repoId(tx, input.repo);
    const inserted = await tx
      .insert(roles)
      .values({ participantId, role: input.role, repositoryId, grantedBy: actor === "cli" ? "cli" : actor.login })
      .onConflictDoNothing()
      .returning({ id: roles.id });
    if (inserted.length === 0) return "unchanged";
    await audit(tx, { seasonId: null, actorId: actor === "cli" ? null : actor.participantId, action: "role.grant", after: input, reason: null });
    return "granted";
  });
}

export async function revokeRole(db: Db, actor: Actor, input: RoleChange): Promise<"revoked" | "unchanged"> {
  authorise(actor);
  return db.transaction(async (tx) => {
    const [p] = await tx.select({ id: participants.id }).from(participants).where(eq(sql`lower(${participants.login})`, input.login.toLowerCase()));
    if (!p) throw new NotFoundError(`participant ${input.login}`);
    const repositoryId = await repoId(tx, input.repo);
    const deleted = await tx
      .delete(roles)
      .where(and(eq(roles.participantId, p.id), eq(roles.role, input.role), repositoryId === null ? isNull(roles.repositoryId) : eq(roles.repositoryId, repositoryId)))
      .returning({ id: roles.id });
    if (deleted.length === 0) return "unchanged";
    await audit(tx, { seasonId: null, actorId: actor === "cli" ? null : actor.participantId, action: "role.revoke", before: input, reason: null });
    return "revoked";
  });
}
