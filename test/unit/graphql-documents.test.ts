import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { githubSchema } from "@/demo/fake-github/schema";
import { analyzeCost } from "@/demo/fake-github/cost";
import { BY_NUMBER_BATCH, issuesByNumberQuery } from "@/lib/sync/fetch-by-number";
import { COMMENT_BATCH, ISSUES_QUERY, probeQuery, pullsQuery, rewardCommentsQuery, REWARDS_QUERY, VOID_SEARCHES_INLINE, VOIDED_QUERY } from "@/lib/sync/queries";

/** Every GraphQL document the importer sends, validated against GitHub's published schema. */
const DOCUMENTS: Record<string, string> = {
  "pulls (first page, with rewards)": pullsQuery(true),
  "pulls (next pages)": pullsQuery(false),
  "pulls (first page, with rewards and void-label searches)": pullsQuery(true, VOID_SEARCHES_INLINE),
  voided: VOIDED_QUERY,
  "issues by number (1)": issuesByNumberQuery(1),
  "issues by number (a full batch)": issuesByNumberQuery(BY_NUMBER_BATCH),
  rewards: REWARDS_QUERY,
  "reward comments (1 PR)": rewardCommentsQuery(1),
  "reward comments (a full batch)": rewardCommentsQuery(COMMENT_BATCH),
  issues: ISSUES_QUERY,
  "probe (1 repo)": probeQuery(1),
  "probe (50 repos)": probeQuery(50),
};

describe("the importer's GraphQL documents", () => {
  it.each(Object.entries(DOCUMENTS))("%s validates against @octokit/graphql-schema", (_name, text) => {
    expect(validate(githubSchema(), parse(text)).map((e) => e.message)).toEqual([]);
  });

  it("each costs 1 point by GitHub's formula, also the first page with every inline void-label search", () => {
    for (const [name, text] of Object.entries(DOCUMENTS)) {
      const doc = parse(text);
      const op = doc.definitions[0];
      if (op?.kind !== "OperationDefinition") throw new Error(name);
      expect([name, analyzeCost(githubSchema(), doc, op, {}).cost]).toEqual([name, 1]);
    }
    // 1 search + 100 closing-reference lists + the rewards (1 + 20 + 20) + 5 void-label searches.
    const first = parse(pullsQuery(true, VOID_SEARCHES_INLINE));
    expect(analyzeCost(githubSchema(), first, first.definitions[0] as never, {}).requests).toBe(147);
  });

  it("a field GitHub lacks would be caught", () => {
    const broken = ISSUES_QUERY.replace("closedAt", "closedAt scoreFoo");
    expect(validate(githubSchema(), parse(broken)).map((e) => e.message).join()).toMatch(/scoreFoo/);
  });
});
