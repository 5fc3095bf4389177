import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { githubSchema } from "@/demo/fake-github/schema";
import { COMMENT_BATCH, ISSUES_QUERY, probeQuery, pullsQuery, rewardCommentsQuery, REWARDS_QUERY } from "@/lib/sync/queries";

/** Every GraphQL document the importer sends, validated against GitHub's published schema. */
const DOCUMENTS: Record<string, string> = {
  "pulls (first page, with rewards)": pullsQuery(true),
  "pulls (next pages)": pullsQuery(false),
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

  it("a field GitHub lacks would be caught", () => {
    const broken = ISSUES_QUERY.replace("closedAt", "closedAt scoreFoo");
    expect(validate(githubSchema(), parse(broken)).map((e) => e.message).join()).toMatch(/scoreFoo/);
  });
});
