import { z } from "zod";
import { ZCommunityFile } from "@/lib/rules/community";
import { ZLogin, ZRepoName, ZSeasonFile } from "@/lib/seasons/season-file";

/**
 * The demo program: a GitHub-shaped snapshot (users, repositories, issues, pull requests with their comments)
 * plus the season files that turn it into a challenge program. It seeds demo mode and is what the local fake
 * GitHub GraphQL server serves. Every time is an ISO 8601 UTC string (`2020-03-05T08:12:33Z`).
 */

export type FixtureUser = {
  login: string;
  databaseId: number;
  name: string | null;
  avatarUrl: string;
  type: "User" | "Bot";
};

export type FixtureRepo = { nameWithOwner: string; databaseId: number; description: string };

export type FixtureComment = { id: string; author: string | null; body: string; createdAt: string };

export type FixtureIssue = {
  repo: string;
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: "OPEN" | "CLOSED";
  /** `null` is GitHub's deleted user ("ghost"). */
  author: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Comments on the issue (comment commands, the bot's replies); absent: none. */
  comments?: FixtureComment[];
};

export type FixturePullRequest = {
  repo: string;
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: "OPEN" | "CLOSED" | "MERGED";
  author: string | null;
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  mergedBy: string | null;
  /** GitHub's `closingIssuesReferences`: issue numbers of the same repository. */
  closingIssues: number[];
  comments: FixtureComment[];
};

/** A season file as written by an operator (the input of `seasons apply`, before defaults). */
export type FixtureSeason = z.input<typeof ZSeasonFile>;

/** Who the demo sign-in page offers to sign in as. */
export type DemoIdentity = { login: string; role: "participant" | "maintainer" | "admin"; repo?: string };

export type Fixture = {
  users: FixtureUser[];
  repos: FixtureRepo[];
  issues: FixtureIssue[];
  pullRequests: FixturePullRequest[];
  seasons: FixtureSeason[];
  /** Logins that are Podium admins in demo mode (what `PODIUM_ADMINS` would say). */
  admins: string[];
  demoIdentities: DemoIdentity[];
  /** The community's roles and SIGs (what `community import` would read), so the demo shows them; absent: left alone. */
  community?: z.input<typeof ZCommunityFile>;
};

const ZUtc = z.iso.datetime({ error: "expected an ISO 8601 UTC date-time such as 2020-03-05T08:12:33Z" });
const ZId = z.int().positive().max(2_147_483_647);
const ZNumber = z.int().positive().max(10_000_000);

export const ZFixtureUser = z.strictObject({
  login: ZLogin,
  databaseId: ZId,
  name: z.string().min(1).max(255).nullable(),
  avatarUrl: z.url(),
  type: z.enum(["User", "Bot"]),
});

export const ZFixtureRepo = z.strictObject({ nameWithOwner: ZRepoName, databaseId: ZId, description: z.string() });

export const ZFixtureComment = z.strictObject({
  id: z.string().min(1),
  author: ZLogin.nullable(),
  body: z.string(),
  createdAt: ZUtc,
});

export const ZFixtureIssue = z.strictObject({
  repo: ZRepoName,
  number: ZNumber,
  title: z.string().min(1).max(256),
  body: z.string(),
  labels: z.array(z.string().min(1).max(50)),
  state: z.enum(["OPEN", "CLOSED"]),
  author: ZLogin.nullable(),
  createdAt: ZUtc,
  updatedAt: ZUtc,
  closedAt: ZUtc.nullable(),
  comments: z.array(ZFixtureComment).optional(),
});

export const ZFixturePullRequest = z.strictObject({
  repo: ZRepoName,
  number: ZNumber,
  title: z.string().min(1).max(256),
  body: z.string(),
  labels: z.array(z.string().min(1).max(50)),
  state: z.enum(["OPEN", "CLOSED", "MERGED"]),
  author: ZLogin.nullable(),
  createdAt: ZUtc,
  updatedAt: ZUtc,
  mergedAt: ZUtc.nullable(),
  mergedBy: ZLogin.nullable(),
  closingIssues: z.array(ZNumber),
  comments: z.array(ZFixtureComment),
});

export const ZDemoIdentity = z.strictObject({
  login: ZLogin,
  role: z.enum(["participant", "maintainer", "admin"]),
  repo: ZRepoName.optional(),
});

/** Validates the shape and the cross references (logins, repositories, numbers, times). */
export const ZFixture = z
  .strictObject({
    users: z.array(ZFixtureUser),
    repos: z.array(ZFixtureRepo),
    issues: z.array(ZFixtureIssue),
    pullRequests: z.array(ZFixturePullRequest),
    seasons: z.array(ZSeasonFile),
    admins: z.array(ZLogin),
    demoIdentities: z.array(ZDemoIdentity),
    community: ZCommunityFile.optional(),
  })
  .superRefine((f, ctx) => {
    const problem = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });

    const logins = new Set<string>();
    const databaseIds = new Set<number>();
    f.users.forEach((u, i) => {
      const key = u.login.toLowerCase();
      if (logins.has(key)) problem(["users", i, "login"], `${u.login} is listed twice`);
      if (databaseIds.has(u.databaseId)) problem(["users", i, "databaseId"], `${u.databaseId} is used twice`);
      if ((u.type === "Bot") !== u.login.endsWith("[bot]"))
        problem(["users", i, "type"], "a Bot's login ends in [bot], and only a Bot's");
      logins.add(key);
      databaseIds.add(u.databaseId);
    });
    const knownLogin = (path: PropertyKey[], login: string | null) => {
      if (login !== null && !logins.has(login.toLowerCase())) problem(path, `${login} is not in users`);
    };

    const repos = new Set<string>();
    f.repos.forEach((r, i) => {
      const key = r.nameWithOwner.toLowerCase();
      if (repos.has(key)) problem(["repos", i, "nameWithOwner"], `${r.nameWithOwner} is listed twice`);
      repos.add(key);
    });
    const knownRepo = (path: PropertyKey[], repo: string) => {
      if (!repos.has(repo.toLowerCase())) problem(path, `${repo} is not in repos`);
    };

    // Issues and pull requests share one number space per repository, as on GitHub.
    const numbers = new Map<string, "issue" | "pull request">();
    const issueNumbers = new Set<string>();
    const claim = (path: PropertyKey[], repo: string, n: number, kind: "issue" | "pull request") => {
      const key = `${repo.toLowerCase()}#${n}`;
      const taken = numbers.get(key);
      if (taken !== undefined) problem(path, `${repo}#${n} is already used by an ${taken}`);
      numbers.set(key, kind);
      if (kind === "issue") issueNumbers.add(key);
    };
    const ordered = (path: PropertyKey[], createdAt: string, later: string | null, what: string) => {
      if (later !== null && Date.parse(later) < Date.parse(createdAt)) problem(path, `${what} is before createdAt`);
    };

    f.issues.forEach((issue, i) => {
      const at = ["issues", i];
      knownRepo([...at, "repo"], issue.repo);
      knownLogin([...at, "author"], issue.author);
      claim([...at, "number"], issue.repo, issue.number, "issue");
      ordered([...at, "updatedAt"], issue.createdAt, issue.updatedAt, "updatedAt");
      ordered([...at, "closedAt"], issue.createdAt, issue.closedAt, "closedAt");
      if ((issue.state === "CLOSED") !== (issue.closedAt !== null))
        problem([...at, "closedAt"], "closedAt is set exactly when the issue is CLOSED");
    });

    const commentIds = new Set<string>();
    f.pullRequests.forEach((pr, i) => {
      const at = ["pullRequests", i];
      knownRepo([...at, "repo"], pr.repo);
      knownLogin([...at, "author"], pr.author);
      knownLogin([...at, "mergedBy"], pr.mergedBy);
      claim([...at, "number"], pr.repo, pr.number, "pull request");
      ordered([...at, "updatedAt"], pr.createdAt, pr.updatedAt, "updatedAt");
      ordered([...at, "mergedAt"], pr.createdAt, pr.mergedAt, "mergedAt");
      const merged = pr.state === "MERGED";
      if (merged !== (pr.mergedAt !== null)) problem([...at, "mergedAt"], "mergedAt is set exactly when MERGED");
      if (merged !== (pr.mergedBy !== null)) problem([...at, "mergedBy"], "mergedBy is set exactly when MERGED");
      pr.comments.forEach((c, j) => {
        knownLogin([...at, "comments", j, "author"], c.author);
        ordered([...at, "comments", j, "createdAt"], pr.createdAt, c.createdAt, "a comment");
        if (commentIds.has(c.id)) problem([...at, "comments", j, "id"], `comment id ${c.id} is used twice`);
        commentIds.add(c.id);
      });
    });
    // Checked once every number is known: closing references name issues of the same repository.
    f.pullRequests.forEach((pr, i) => {
      pr.closingIssues.forEach((n, j) => {
        if (!issueNumbers.has(`${pr.repo.toLowerCase()}#${n}`))
          problem(["pullRequests", i, "closingIssues", j], `${pr.repo}#${n} is not an issue`);
      });
    });

    const slugs = new Set<string>();
    f.seasons.forEach((s, i) => {
      if (slugs.has(s.slug)) problem(["seasons", i, "slug"], `${s.slug} is used twice`);
      slugs.add(s.slug);
      s.repos.forEach((r, j) => knownRepo(["seasons", i, "repos", j], r));
      for (const [repo, list] of Object.entries(s.maintainers)) {
        list.forEach((login, j) => knownLogin(["seasons", i, "maintainers", repo, j], login));
      }
      s.teams.forEach((t, j) => t.members.forEach((m, k) => knownLogin(["seasons", i, "teams", j, "members", k], m)));
    });

    f.admins.forEach((login, i) => knownLogin(["admins", i], login));
    f.community?.forEach((m, i) => knownLogin(["community", i, "login"], m.login));
    f.demoIdentities.forEach((d, i) => {
      knownLogin(["demoIdentities", i, "login"], d.login);
      if (d.repo !== undefined) knownRepo(["demoIdentities", i, "repo"], d.repo);
      if ((d.role === "maintainer") !== (d.repo !== undefined))
        problem(["demoIdentities", i, "repo"], "a maintainer identity names its repository, and only a maintainer's");
    });
  });

type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time guard: the hand-written types and `ZFixture` describe the same input. */
export const fixtureTypesMatchSchema: MutuallyAssignable<Fixture, z.input<typeof ZFixture>> = true;
