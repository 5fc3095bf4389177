import type { GhActor, IngestBatch } from "@/lib/sync/types";
import type { Fixture } from "./fixture";

/** The fixture's objects in the importer's shape (what the GraphQL sync produces from the same data). */
export function fixtureToBatch(fixture: Fixture, webBase = "https://github.com"): IngestBatch {
  const users = new Map(fixture.users.map((u) => [u.login, u]));
  const actor = (login: string | null): GhActor | null => {
    if (!login) return null;
    const u = users.get(login);
    return u
      ? { login: u.login, databaseId: u.databaseId, name: u.name, avatarUrl: u.avatarUrl, isBot: u.type === "Bot" }
      : { login, databaseId: null, isBot: login.endsWith("[bot]") };
  };
  return {
    issues: fixture.issues.map((i) => ({
      repo: i.repo,
      number: i.number,
      url: `${webBase}/${i.repo}/issues/${i.number}`,
      title: i.title,
      body: i.body,
      labels: i.labels,
      state: i.state,
      author: actor(i.author),
      createdAt: i.createdAt,
      updatedAt: i.updatedAt,
      closedAt: i.closedAt,
    })),
    pullRequests: fixture.pullRequests.map((p) => ({
      repo: p.repo,
      number: p.number,
      url: `${webBase}/${p.repo}/pull/${p.number}`,
      title: p.title,
      body: p.body,
      labels: p.labels,
      state: p.state,
      author: actor(p.author),
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
      mergedAt: p.mergedAt,
      mergedBy: p.mergedBy,
      closingIssues: p.closingIssues.map((number) => ({ repo: p.repo, number })),
      comments: p.comments.map((c) => ({ id: c.id, author: actor(c.author), body: c.body, createdAt: c.createdAt })),
    })),
  };
}
