import { and, count, eq, gt } from "drizzle-orm";
import { words } from "@/lib/i18n/words";
import { z } from "zod";
import { appeals, pullRequests, repositories, seasons } from "@/db/schema";
import { NotFoundError, RuleError } from "@/lib/errors";
import { ZSlug } from "@/lib/seasons/season-file";
import { defineCommand } from "./command";
import { zId } from "./fields";
import { audit } from "./load";

/** Appeals one participant may open in a day: enough for every real dispute, too few to flood the maintainers' queue. */
export const APPEALS_PER_DAY = 5;

export const ZOpenAppeal = z.object({
  season: ZSlug,
  pullRequestId: zId("a pull request"),
  message: z
    .string({ error: "say what you dispute" })
    .trim()
    .min(10, { error: "say what you dispute (at least 10 characters)" })
    .max(2000, { error: "at most 2000 characters" }),
});

/** A participant disputes what their pull request earned in a season: one open appeal per PR, a few a day. */
export const openAppeal = defineCommand({
  name: "appeal.open",
  input: ZOpenAppeal,
  permission: "appeal.open",
  async run({ tx, actor, actorId, authorize }, input) {
    authorize("appeal.open");
    const [season] = await tx.select({ id: seasons.id }).from(seasons).where(eq(seasons.slug, input.season));
    if (!season) throw new NotFoundError("season");
    const [pr] = await tx
      .select({ id: pullRequests.id, authorId: pullRequests.authorId, number: pullRequests.number, repo: repositories.fullName })
      .from(pullRequests)
      .innerJoin(repositories, eq(repositories.id, pullRequests.repositoryId))
      .where(eq(pullRequests.id, input.pullRequestId));
    if (!pr) throw new NotFoundError("pull request");
    if (actorId === null || pr.authorId !== actorId) throw new RuleError(`Only the author of ${pr.repo}#${pr.number} may appeal what it earned.`, words("errors.appealNotAuthor", { pr: `${pr.repo}#${pr.number}` }));
    const since = new Date(Date.now() - 24 * 3600_000);
    const [recent] = await tx.select({ n: count() }).from(appeals).where(and(eq(appeals.participantId, actorId), gt(appeals.createdAt, since)));
    if ((recent?.n ?? 0) >= APPEALS_PER_DAY) throw new RuleError(`You opened ${APPEALS_PER_DAY} appeals in the last 24 hours; try again tomorrow.`, words("errors.appealsPerDay", { max: APPEALS_PER_DAY }));
    const [row] = await tx
      .insert(appeals)
      .values({ seasonId: season.id, pullRequestId: pr.id, participantId: actorId, message: input.message })
      .onConflictDoNothing()
      .returning({ id: appeals.id });
    if (!row) throw new RuleError(`${pr.repo}#${pr.number} already has an open appeal; a maintainer will answer it.`, words("errors.appealOpen", { pr: `${pr.repo}#${pr.number}` }));
    await audit(tx, { seasonId: season.id, pullRequestId: pr.id, actorId, action: "appeal.open", after: { appeal: row.id, by: typeof actor === "object" ? actor.login : null }, reason: input.message });
    return { appealId: row.id };
  },
});
