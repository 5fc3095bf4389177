import { GitHubError, type GitHubClient, type RateLimit } from "@/lib/github/client";
import { toIssue } from "./fetch";
import { ISSUE_FIELDS, type IssueNode } from "./queries";
import type { GhIssue } from "./types";

/** Issues one `issuesByNumberQuery` asks for: 50 aliased `issue` fields, each with its labels (50 requests, 1 point). */
export const BY_NUMBER_BATCH = 50;

export type IssueRef = { repo: string; number: number };

/** `i0: repository(owner: $o0, name: $n0) { issue(number: $k0) { … } }`, one alias per issue. */
export function issuesByNumberQuery(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$o${i}: String!, $n${i}: String!, $k${i}: Int!`).join(", ");
  const parts = Array.from({ length: count }, (_, i) => `i${i}: repository(owner: $o${i}, name: $n${i}) { issue(number: $k${i}) { ${ISSUE_FIELDS} } }`);
  return `query PodiumIssuesByNumber(${vars}) {\n  rateLimit { cost remaining resetAt }\n  ${parts.join("\n  ")}\n}`;
}

const notFound = (error: unknown) => error instanceof GitHubError && error.code === "graphql" && /Could not resolve to (an Issue|a Repository)/i.test(error.message);

async function queryIssues(client: GitHubClient, refs: readonly IssueRef[]): Promise<GhIssue[]> {
  const variables = Object.fromEntries(
    refs.flatMap((r, i) => {
      const [owner, name] = r.repo.split("/");
      return [[`o${i}`, owner], [`n${i}`, name], [`k${i}`, r.number]];
    }),
  );
  const data = await client.query<Record<string, { issue: IssueNode | null } | null> & { rateLimit?: RateLimit }>(issuesByNumberQuery(refs.length), variables);
  return refs.flatMap((_, i) => {
    const issue = data[`i${i}`]?.issue;
    return issue ? [toIssue(issue)] : [];
  });
}

/**
 * Issues by repository and number (the season file's umbrellas, maintainer-marked tasks: the task searches do
 * not find those without the label), 50 a query. GitHub fails a whole query when one of them does not exist
 * (or is a pull request): that batch is then asked for one by one, and the missing ones are returned apart.
 */
export async function fetchIssuesByNumber(client: GitHubClient, refs: readonly IssueRef[]): Promise<{ issues: GhIssue[]; missing: IssueRef[] }> {
  const issues: GhIssue[] = [];
  const missing: IssueRef[] = [];
  for (let i = 0; i < refs.length; i += BY_NUMBER_BATCH) {
    const batch = refs.slice(i, i + BY_NUMBER_BATCH);
    try {
      issues.push(...(await queryIssues(client, batch)));
    } catch (error) {
      if (!notFound(error)) throw error;
      for (const ref of batch) {
        try {
          issues.push(...(await queryIssues(client, [ref])));
        } catch (single) {
          if (!notFound(single)) throw single;
          missing.push(ref);
        }
      }
    }
  }
  return { issues, missing };
}
