import { GraphQLError } from "graphql";
import type { FixtureIssue, FixturePullRequest } from "@/lib/demo/fixture";
import { hasWord, parseDateRange, parseSearchQuery, type Term } from "./search-query";
import { repoKey, sortByKey, time, type FixtureStore, type RepoIndex } from "./store";

/**
 * GitHub issue search (`search(type: ISSUE, query: …)`) over the fixture. Supported qualifiers: `repo:`, `org:`,
 * `user:`, `is:pr|issue|open|closed|merged|unmerged|draft|public|private|locked|unlocked`, `type:pr|issue`,
 * `state:open|closed`, `label:` (comma = any of; repeated = all of), `no:label|assignee|milestone|project`, `author:`
 * (`app/<name>` for bots), `created:` `updated:` `closed:` `merged:` with `>=` `>` `<=` `<` `A..B` `*` (dates or
 * ISO date-times, UTC unless zoned), `in:title|body|comments`, `sort:created|updated|comments-asc|desc`,
 * `archived:`, `draft:`; `-` negates a qualifier. Free words must all occur (whole words, any case) and quoted
 * phrases as written, in the title, body or comments (or where `in:` says). Qualifiers GitHub has but the fake lacks
 * raise an error rather than being ignored; unknown `key:value` terms are free text, as on GitHub.
 */

export type SearchItem = FixtureIssue | FixturePullRequest;

export const isPullRequest = (item: SearchItem): item is FixturePullRequest => "closingIssues" in item;

/** GitHub search never pages past this many results. */
export const SEARCH_CAP = 1000;

const UNSUPPORTED = new Set(["assignee", "mentions", "commenter", "involves", "team", "milestone", "project",
  "status", "review", "reviewed-by", "review-requested", "user-review-requested", "team-review-requested", "base",
  "head", "language", "comments", "interactions", "reactions", "linked", "reason", "label-color", "parent-issue",
  "sub-issue", "sha"]);

type Pred = (item: SearchItem) => boolean;

type Compiled = { scope: ((r: RepoIndex) => boolean) | null; kinds: { issues: boolean; prs: boolean }; preds: Pred[];
  sort: { field: "created" | "updated" | "comments"; desc: boolean }; repoNames: string[] };

const bad = (message: string) => new GraphQLError(message, { extensions: { type: "INVALID_SEARCH" } });

/** PRs have no closedAt in the fixture: a merged one closed when merged, a closed one at its last update. */
function closedAt(item: SearchItem): string | null {
  if (!isPullRequest(item)) return item.closedAt;
  if (item.state === "MERGED") return item.mergedAt;
  return item.state === "CLOSED" ? item.updatedAt : null;
}

const dateOf: Record<string, (item: SearchItem) => string | null> = {
  created: (x) => x.createdAt,
  updated: (x) => x.updatedAt,
  closed: closedAt,
  merged: (x) => (isPullRequest(x) ? x.mergedAt : null),
};

function isQualifier(term: Term, key: string): boolean {
  return term.kind === "qualifier" && term.key === key;
}

function compile(terms: Term[]): Compiled {
  const repos = new Set<string>();
  const owners = new Set<string>();
  const kinds = { issues: true, prs: true };
  const preds: Pred[] = [];
  let sort: Compiled["sort"] = { field: "created", desc: true };
  const inFields = new Set<string>();
  for (const t of terms) if (isQualifier(t, "in") && t.kind === "qualifier") t.values.forEach((v) => inFields.add(v.toLowerCase()));
  const fields = inFields.size > 0 ? inFields : new Set(["title", "body", "comments"]);
  const texts = (item: SearchItem): string[] => {
    const out: string[] = [];
    if (fields.has("title")) out.push(item.title.toLowerCase());
    if (fields.has("body")) out.push(item.body.toLowerCase());
    if (fields.has("comments") && isPullRequest(item)) for (const c of item.comments) out.push(c.body.toLowerCase());
    return out;
  };

  for (const t of terms) {
    if (t.kind === "text") {
      preds.push(t.phrase ? (x) => texts(x).some((s) => s.includes(t.text)) : (x) => texts(x).some((s) => hasWord(s, t.text)));
      continue;
    }
    const values = t.values.map((v) => v.toLowerCase());
    const add = (p: Pred) => preds.push(t.negated ? (x) => !p(x) : p);
    const one = (allowed: readonly string[]) => {
      const v = values[0];
      if (values.length !== 1 || v === undefined || !allowed.includes(v)) throw bad(`Unsupported value in "${t.raw}"`);
      return v;
    };
    switch (t.key) {
      case "repo":
        if (t.negated) add((x) => values.includes(repoKey(x.repo)));
        else values.forEach((v) => repos.add(v));
        break;
      case "org":
      case "user":
      case "owner":
        if (t.negated) add((x) => values.includes(repoKey(x.repo).split("/")[0] ?? ""));
        else values.forEach((v) => owners.add(v));
        break;
      case "is":
      case "type":
      case "state": {
        const v = one(t.key === "type" ? ["pr", "issue"] : t.key === "state" ? ["open", "closed"]
          : ["pr", "issue", "open", "closed", "merged", "unmerged", "draft", "public", "private", "locked", "unlocked"]);
        if ((v === "pr" || v === "issue") && !t.negated) {
          if (v === "pr") kinds.issues = false;
          else kinds.prs = false;
        } else if (v === "pr" || v === "issue") add((x) => isPullRequest(x) === (v === "pr"));
        else if (v === "open") add((x) => x.state === "OPEN");
        else if (v === "closed") add((x) => x.state !== "OPEN");
        else if (v === "merged") add((x) => isPullRequest(x) && x.state === "MERGED");
        else if (v === "unmerged") add((x) => isPullRequest(x) && x.state === "CLOSED");
        else if (v === "public" || v === "unlocked") add(() => true);
        else add(() => false); // no drafts, private repositories or locked conversations in a fixture
        break;
      }
      case "label":
        add((x) => x.labels.some((l) => values.includes(l.toLowerCase())));
        break;
      case "no": {
        const v = one(["label", "assignee", "milestone", "project"]);
        add(v === "label" ? (x) => x.labels.length === 0 : () => true);
        break;
      }
      case "author":
        add((x) => {
          const a = x.author?.toLowerCase() ?? "ghost";
          return values.some((v) => v === a || (v.startsWith("app/") && `${v.slice(4)}[bot]` === a));
        });
        break;
      case "created":
      case "updated":
      case "closed":
      case "merged": {
        const get = dateOf[t.key];
        const within = parseDateRange(t.values.join(","));
        if (get === undefined || within === null) throw bad(`Invalid date in "${t.raw}"`);
        add((x) => {
          const at = get(x);
          return at !== null && within(time(at));
        });
        break;
      }
      case "in":
        for (const v of values) if (!["title", "body", "comments"].includes(v)) throw bad(`Unsupported value in "${t.raw}"`);
        break;
      case "sort": {
        const m = /^(created|updated|comments)(?:-(asc|desc))?$/.exec(values[0] ?? "");
        if (m?.[1] === "created" || m?.[1] === "updated" || m?.[1] === "comments") sort = { field: m[1], desc: m[2] !== "asc" };
        else if (!/^(best-match|interactions|reactions)/.test(values[0] ?? "")) throw bad(`Unsupported value in "${t.raw}"`);
        break;
      }
      case "archived":
        add(() => one(["true", "false"]) === "false");
        break;
      case "draft":
        add(() => one(["true", "false"]) === "false");
        break;
      default:
        if (UNSUPPORTED.has(t.key)) throw bad(`The fake GitHub does not support the search qualifier "${t.key}:"`);
        // GitHub reads an unknown qualifier as text.
        preds.push((x) => texts(x).some((s) => s.includes(t.raw.toLowerCase())));
    }
  }
  const scope = repos.size === 0 && owners.size === 0 ? null
    : (r: RepoIndex) => repos.has(repoKey(r.repo.nameWithOwner)) || owners.has(r.owner.toLowerCase());
  return { scope, kinds, preds, sort, repoNames: [...repos] };
}

/** Every match, in result order (not yet capped). Cached per query string until the fixture changes. */
export function searchIssues(store: FixtureStore, query: string): SearchItem[] {
  const index = store.index;
  return index.memo(`search\u0000${query}`, () => {
    const c = compile(parseSearchQuery(query));
    // Like GitHub: naming a repository that does not exist (or cannot be read) fails the whole search.
    for (const repo of c.repoNames) {
      if (![...index.repos.values()].some((r) => repoKey(r.repo.nameWithOwner) === repo)) {
        throw new GraphQLError(
          "The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.",
          { extensions: { type: "INVALID" } },
        );
      }
    }
    const out: SearchItem[] = [];
    for (const r of index.repos.values()) {
      if (c.scope !== null && !c.scope(r)) continue;
      const lists: SearchItem[][] = [];
      if (c.kinds.issues) lists.push(r.issues);
      if (c.kinds.prs) lists.push(r.pullRequests);
      for (const list of lists) for (const item of list) if (c.preds.every((p) => p(item))) out.push(item);
    }
    const sign = c.sort.desc ? -1 : 1;
    const key = c.sort.field === "comments" ? (x: SearchItem) => (isPullRequest(x) ? x.comments.length : 0)
      : c.sort.field === "updated" ? (x: SearchItem) => time(x.updatedAt) : (x: SearchItem) => time(x.createdAt);
    return sortByKey(out, (x) => sign * key(x), (x) => sign * x.number);
  });
}
