import { GraphQLError } from "graphql";
import type { FixtureIssue, FixturePullRequest } from "@/demo/program/fixture";
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

type Qualifier = Extract<Term, { kind: "qualifier" }>;
/** What compiling a query collects: the repositories and owners it scopes to, the kinds, the predicates, the order. */
type Compiling = Omit<Compiled, "scope" | "repoNames"> & { repos: Set<string>; owners: Set<string>; texts: (item: SearchItem) => string[] };

/** The lower-cased texts a query's words are looked for in (`in:` narrows them; title, body and comments by default). */
function textsOf(terms: Term[]): (item: SearchItem) => string[] {
  const inFields = new Set<string>();
  for (const t of terms) if (isQualifier(t, "in") && t.kind === "qualifier") t.values.forEach((v) => inFields.add(v.toLowerCase()));
  const fields = inFields.size > 0 ? inFields : new Set(["title", "body", "comments"]);
  return (item) => {
    const out: string[] = [];
    if (fields.has("title")) out.push(item.title.toLowerCase());
    if (fields.has("body")) out.push(item.body.toLowerCase());
    if (fields.has("comments")) for (const c of item.comments ?? []) out.push(c.body.toLowerCase());
    return out;
  };
}

function compile(terms: Term[]): Compiled {
  const c: Compiling = { repos: new Set(), owners: new Set(), kinds: { issues: true, prs: true }, preds: [], sort: { field: "created", desc: true }, texts: textsOf(terms) };
  for (const t of terms) {
    if (t.kind === "text") c.preds.push(t.phrase ? (x) => c.texts(x).some((s) => s.includes(t.text)) : (x) => c.texts(x).some((s) => hasWord(s, t.text)));
    else qualifier(c, t);
  }
  const scope = c.repos.size === 0 && c.owners.size === 0 ? null
    : (r: RepoIndex) => c.repos.has(repoKey(r.repo.nameWithOwner)) || c.owners.has(r.owner.toLowerCase());
  return { scope, kinds: c.kinds, preds: c.preds, sort: c.sort, repoNames: [...c.repos] };
}

/** The single allowed value of a qualifier, or GitHub's error. */
function oneOf(t: Qualifier, allowed: readonly string[]): string {
  const v = t.values[0]?.toLowerCase();
  if (t.values.length !== 1 || v === undefined || !allowed.includes(v)) throw bad(`Unsupported value in "${t.raw}"`);
  return v;
}

function qualifier(c: Compiling, t: Qualifier): void {
  const values = t.values.map((v) => v.toLowerCase());
  const add = (p: Pred): void => void c.preds.push(t.negated ? (x) => !p(x) : p);
  switch (t.key) {
    case "repo":
      if (t.negated) add((x) => values.includes(repoKey(x.repo)));
      else values.forEach((v) => c.repos.add(v));
      return;
    case "org":
    case "user":
    case "owner":
      if (t.negated) add((x) => values.includes(repoKey(x.repo).split("/")[0] ?? ""));
      else values.forEach((v) => c.owners.add(v));
      return;
    case "is":
    case "type":
    case "state":
      return stateQualifier(c, t, add);
    case "label":
      return add((x) => x.labels.some((l) => values.includes(l.toLowerCase())));
    case "no":
      return add(oneOf(t, ["label", "assignee", "milestone", "project"]) === "label" ? (x) => x.labels.length === 0 : () => true);
    case "author":
      return add((x) => {
        const a = x.author?.toLowerCase() ?? "ghost";
        return values.some((v) => v === a || (v.startsWith("app/") && `${v.slice(4)}[bot]` === a));
      });
    case "created":
    case "updated":
    case "closed":
    case "merged": {
      const get = dateOf[t.key];
      const within = parseDateRange(t.values.join(","));
      if (get === undefined || within === null) throw bad(`Invalid date in "${t.raw}"`);
      return add((x) => {
        const at = get(x);
        return at !== null && within(time(at));
      });
    }
    case "in":
      for (const v of values) if (!["title", "body", "comments"].includes(v)) throw bad(`Unsupported value in "${t.raw}"`);
      return;
    case "sort": {
      const m = /^(created|updated|comments)(?:-(asc|desc))?$/.exec(values[0] ?? "");
      if (m?.[1] === "created" || m?.[1] === "updated" || m?.[1] === "comments") c.sort = { field: m[1], desc: m[2] !== "asc" };
      else if (!/^(best-match|interactions|reactions)/.test(values[0] ?? "")) throw bad(`Unsupported value in "${t.raw}"`);
      return;
    }
    case "archived":
    case "draft":
      return add(() => oneOf(t, ["true", "false"]) === "false");
    default:
      if (UNSUPPORTED.has(t.key)) throw bad(`The fake GitHub does not support the search qualifier "${t.key}:"`);
      // GitHub reads an unknown qualifier as text.
      c.preds.push((x) => c.texts(x).some((s) => s.includes(t.raw.toLowerCase())));
  }
}

/** `is:`, `type:` and `state:`: the kind of item (which narrows the search) or its state. */
function stateQualifier(c: Compiling, t: Qualifier, add: (p: Pred) => void): void {
  const v = oneOf(t, t.key === "type" ? ["pr", "issue"] : t.key === "state" ? ["open", "closed"]
    : ["pr", "issue", "open", "closed", "merged", "unmerged", "draft", "public", "private", "locked", "unlocked"]);
  if ((v === "pr" || v === "issue") && !t.negated) {
    if (v === "pr") c.kinds.issues = false;
    else c.kinds.prs = false;
  } else if (v === "pr" || v === "issue") add((x) => isPullRequest(x) === (v === "pr"));
  else if (v === "open") add((x) => x.state === "OPEN");
  else if (v === "closed") add((x) => x.state !== "OPEN");
  else if (v === "merged") add((x) => isPullRequest(x) && x.state === "MERGED");
  else if (v === "unmerged") add((x) => isPullRequest(x) && x.state === "CLOSED");
  else if (v === "public" || v === "unlocked") add(() => true);
  else add(() => false); // no drafts, private repositories or locked conversations in a fixture
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
    const key = c.sort.field === "comments" ? (x: SearchItem) => x.comments?.length ?? 0
      : c.sort.field === "updated" ? (x: SearchItem) => time(x.updatedAt) : (x: SearchItem) => time(x.createdAt);
    return sortByKey(out, (x) => sign * key(x), (x) => sign * x.number);
  });
}
