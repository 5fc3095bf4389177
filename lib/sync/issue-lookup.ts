import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { repositories, seasons, tasks } from "@/db/schema";
import { can, type Viewer } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { createGitHubClient } from "@/lib/github/client";
import { githubEndpoints } from "@/lib/github/endpoints";
import { seasonRepos } from "@/lib/queries/season-repos";
import { fetchIssuesByNumber } from "./fetch-by-number";
import type { GhIssue } from "./types";

/**
 * For a maintainer marking an issue as a task: the issue from GitHub when the season does not hold it yet (one
 * query, 1 point), or undefined when it does. Podium stores only task issues, and fetching the one issue a
 * maintainer names costs a point per mark, where storing every issue of every listed repository would cost a
 * point per 100 issues on every import (most of them never tasks). The viewer's right and the repository are
 * checked first, so no one else can make Podium spend GitHub's points.
 */
export async function issueToMark(db: Db, viewer: Viewer, raw: Record<string, unknown>): Promise<GhIssue | undefined> {
  const slug = typeof raw.season === "string" ? raw.season : "";
  const repo = typeof raw.repo === "string" ? raw.repo.trim().toLowerCase() : "";
  const number = Number(raw.number);
  // Malformed input: the command's own schema names the fields.
  if (!slug || !/^[\w.-]+\/[\w.-]+$/.test(repo) || !Number.isSafeInteger(number) || number <= 0) return undefined;
  const repos = await seasonRepos(db, slug);
  if (!repos || !repos.includes(repo)) return undefined;
  if (!can(viewer, "task.mark", { repo })) throw new ForbiddenError("task.mark");
  if ((await storedTaskId(db, slug, repo, number)) !== null) return undefined;
  const gh = await githubEndpoints();
  if (!gh.token) throw new NotFoundError(`issue ${repo}#${number} (Podium has no GitHub token to look it up)`);
  const { issues } = await fetchIssuesByNumber(createGitHubClient({ url: gh.graphqlUrl, token: gh.token, maxRetries: 2 }), [{ repo, number }]);
  const issue = issues[0];
  if (!issue) throw new NotFoundError(`issue ${repo}#${number} on GitHub`);
  return issue;
}

/** The stored task of a season's issue, if any. */
async function storedTaskId(db: Db, slug: string, repo: string, number: number): Promise<number | null> {
  const [row] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .innerJoin(seasons, eq(seasons.id, tasks.seasonId))
    .innerJoin(repositories, eq(repositories.id, tasks.repositoryId))
    .where(and(eq(seasons.slug, slug), eq(repositories.fullName, repo), eq(tasks.number, number)));
  return row?.id ?? null;
}
