/**
 * Which issues a pull request's title or body points at (contract, "Season file": a PR completes a task it
 * references). Pure text parsing; GitHub's own closing references are merged in with `mergeReferences`.
 *
 * Recognised, in order of appearance:
 * - `#N`, and `Fixes #N` / `closes #N` / `resolved #N` … (closing keywords need no special case: the `#N`
 *   they precede is an ordinary reference) → `reference`, to the PR's own repository;
 * - `owner/repo#N` (e.g. `Fixes pingcap/tidb#12`) → `reference`;
 * - `<webBase>/owner/repo/issues/N` and `…/pull/N` (scheme optional, anything after the number allowed,
 *   e.g. `#issuecomment-1`) → `url`. Pull URLs are accepted because GitHub numbers issues and pulls in one
 *   sequence: a pull number simply matches no task;
 * - a known prefix then `#N`: `PCP #7`, `UCP: #45`, `UCP#45`, `pcp：#7`, `PCP pingcap/tidb#7` → `prefixed`.
 *   Prefixes are PCP and UCP plus `ctx.prefixes` (a season's title prefixes such as `UCP:` may be passed as
 *   they are: trailing colons are ignored), case-insensitive;
 * - a known prefix, a space or colon, then `N` without `#` (`UCP 7058`, `UCP: 7058`) → `prefixed`, with the
 *   prefix in the case it is written in (a bare number after a word is only a reference when the word is
 *   unmistakably the prefix); not a version (`UCP 2.0`) nor glued to the number (`UCP7058`).
 *
 * A reference by a repository's former name (`ctx.formerNames`: `pingcap/pd#123`, or an issue URL with the old
 * name, when `tikv/pd` lists `pingcap/pd` as a former name) is to the repository's current name (`tikv/pd#123`):
 * GitHub redirects old names, and the real programs' PRs kept writing them.
 *
 * Ignored: fenced code blocks, code spans, `<code>`/`<pre>`, HTML comments (PR templates), the text of a
 * Markdown link (only its target counts: `[#12](https://github.com/o/r/issues/12)` is `o/r#12`), `#` that
 * continues a word, path, URL or entity (`foo#12`, `a/b/c#1`, `example.com/#1`, `&#123;`), `#0`, numbers
 * with a leading zero or followed by letters (`#12abc`), and numbers of more than 10 digits.
 */
import { escapeRegExp, normalizeText, visibleText } from "./markdown";

export type ReferenceSource = "reference" | "url" | "prefixed";
export type LinkSource = "closing" | ReferenceSource;

export interface Reference {
  /** Lower-case `owner/name`. */
  repo: string;
  number: number;
  source: ReferenceSource;
}

export interface LinkedReference {
  repo: string;
  number: number;
  source: LinkSource;
}

export interface ReferenceContext {
  /** `owner/name` of the pull request: the repository of a bare `#N`. */
  repo: string;
  /** Extra task prefixes besides PCP and UCP. */
  prefixes?: readonly string[];
  /** GitHub web base for issue URLs (GitHub Enterprise Server too); default `https://github.com`. */
  webBase?: string | readonly string[];
  /** Former repository names (lower-case `owner/name`) → the current name: see `formerNameMap`. */
  formerNames?: ReadonlyMap<string, string>;
}

export const DEFAULT_PREFIXES: readonly string[] = ["PCP", "UCP"];
export const DEFAULT_WEB_BASE = "https://github.com";

/** Higher wins when the same issue is linked several ways; GitHub's closing references beat text. */
export const linkSourcePriority: Readonly<Record<LinkSource, number>> = {
  closing: 3,
  prefixed: 2,
  url: 1,
  reference: 0,
};

const OWNER = "[A-Za-z0-9][A-Za-z0-9-]{0,38}";
const NAME = "[A-Za-z0-9._-]{1,100}";
/** Not after a word, path, URL, entity or e-mail character. */
const LEAD = "(?<![A-Za-z0-9_&/#\\\\.@$%=+\\-])";
const num = (group: string): string => `(?<${group}>[1-9][0-9]{0,9})(?![A-Za-z0-9_])`;

function webHost(webBase: string | undefined): string {
  const base = normalizeText((webBase ?? "").trim()) || DEFAULT_WEB_BASE;
  return base.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/\/+$/, "");
}

/** One or several web bases (e.g. a GitHub Enterprise host and github.com) as a regex alternation. */
function hostPattern(webBase: string | readonly string[] | undefined): string {
  const bases = typeof webBase === "string" || webBase === undefined ? [webBase] : webBase.length ? webBase : [undefined];
  return `(?:${[...new Set(bases.map(webHost))].map(escapeRegExp).join("|")})`;
}

function issueUrl(host: string, g: string): string {
  return (
    `(?:https?://)?${host}/(?<${g}Owner>${OWNER})/(?<${g}Name>${NAME})/(?:issues|pull)/${num(`${g}Num`)}`
  );
}

function normalizePrefix(prefix: string): string {
  return normalizeText(prefix).trim().replace(/[\s:]+$/, "");
}

type Patterns = { all: RegExp; target: RegExp; prefixes: ReadonlySet<string> };
const patterns = new Map<string, Patterns>();

/** The patterns for a context, built once per (web bases, prefixes): an import parses thousands of PRs with one. */
function patternFor(ctx: ReferenceContext): Patterns {
  const key = JSON.stringify([ctx.webBase ?? null, ctx.prefixes ?? []]);
  let p = patterns.get(key);
  if (!p) {
    if (patterns.size >= 100) patterns.clear();
    p = buildPattern(ctx);
    patterns.set(key, p);
  }
  return p;
}

function buildPattern(ctx: ReferenceContext): Patterns {
  const host = hostPattern(ctx.webBase);
  const written = [...new Set([...DEFAULT_PREFIXES, ...(ctx.prefixes ?? [])].map(normalizePrefix))].filter((p) => p !== "");
  const prefixes = [...written].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const alternatives = [
    `(?<url>${issueUrl(host, "u")})`,
    `(?<prefix>${prefixes.join("|")})[ \\t]*:?[ \\t]*(?:(?<pOwner>${OWNER})/(?<pName>${NAME}))?#${num("pNum")}`,
    `(?<bare>${prefixes.join("|")})(?:[ \\t]*:[ \\t]*|[ \\t]+)${num("bNum")}(?!\\.\\d)`,
    `(?<qOwner>${OWNER})/(?<qName>${NAME})#${num("qNum")}`,
    `#${num("num")}`,
  ];
  const link = `\\[[^\\[\\]\\n]*\\]\\((?<target>[^()\\s]*)\\)`;
  return {
    all: new RegExp(`${link}|${LEAD}(?:${alternatives.join("|")})`, "gi"),
    target: new RegExp(`^${issueUrl(host, "u")}`, "i"),
    prefixes: new Set(written),
  };
}

function repoOf(owner: string | undefined, name: string | undefined, fallback: string): string {
  return owner !== undefined && name !== undefined ? `${owner}/${name}`.toLowerCase() : fallback;
}

/**
 * Former names → current name, lower-case, from seasons' `formerNames` (`{ "tikv/pd": ["pingcap/pd"] }`). A
 * current name is never mapped away, and the first season to claim an old name keeps it.
 */
export function formerNameMap(lists: readonly Readonly<Record<string, readonly string[]>>[]): Map<string, string> {
  const out = new Map<string, string>();
  const current = new Set(lists.flatMap((l) => Object.keys(l).map((k) => k.toLowerCase())));
  for (const list of lists) {
    for (const [repo, names] of Object.entries(list)) {
      for (const name of names) {
        const old = name.trim().toLowerCase();
        if (!current.has(old) && !out.has(old)) out.set(old, repo.trim().toLowerCase());
      }
    }
  }
  return out;
}

/** The current name of a repository (lower-case) given its former names. */
export function currentRepoName(repo: string, formerNames?: ReadonlyMap<string, string>): string {
  const name = repo.trim().toLowerCase();
  return formerNames?.get(name) ?? name;
}

/** The issues `text` references, deduplicated (first occurrence and its source win), in order of appearance. */
export function parseReferences(text: string, ctx: ReferenceContext): Reference[] {
  const here = ctx.repo.trim().toLowerCase();
  // `all` is global but `matchAll` works on a copy, and `target` is not global: both are safe to share.
  const { all, target, prefixes } = patternFor(ctx);
  const out: Reference[] = [];
  const seen = new Set<string>();
  const add = (written: string, digits: string | undefined, source: ReferenceSource): void => {
    const repo = currentRepoName(written, ctx.formerNames);
    const number = Number(digits);
    const key = `${repo}#${number}`;
    if (!Number.isSafeInteger(number) || number <= 0 || seen.has(key)) return;
    seen.add(key);
    out.push({ repo, number, source });
  };
  for (const m of visibleText(text).matchAll(all)) {
    const g = m.groups ?? {};
    if (g.target !== undefined) {
      const t = target.exec(g.target)?.groups;
      if (t) add(repoOf(t.uOwner, t.uName, here), t.uNum, "url");
    } else if (g.url !== undefined) add(repoOf(g.uOwner, g.uName, here), g.uNum, "url");
    else if (g.prefix !== undefined) add(repoOf(g.pOwner, g.pName, here), g.pNum, "prefixed");
    else if (g.bare !== undefined) {
      if (prefixes.has(g.bare)) add(here, g.bNum, "prefixed");
    }
    else if (g.qNum !== undefined) add(repoOf(g.qOwner, g.qName, here), g.qNum, "reference");
    else add(here, g.num, "reference");
  }
  return out;
}

/**
 * GitHub's closing references (first, as `closing`) and the text references, one entry per issue; when an
 * issue appears more than once the source with the higher `linkSourcePriority` is kept, at its first position.
 */
export function mergeReferences(
  closing: readonly { repo: string; number: number }[],
  text: readonly Reference[],
  formerNames?: ReadonlyMap<string, string>,
): LinkedReference[] {
  const byKey = new Map<string, LinkedReference>();
  const candidates: LinkedReference[] = [
    ...closing.map((c) => ({ repo: c.repo, number: c.number, source: "closing" as const })),
    ...text,
  ];
  for (const c of candidates) {
    if (!Number.isSafeInteger(c.number) || c.number <= 0) continue;
    const repo = currentRepoName(c.repo, formerNames);
    const key = `${repo}#${c.number}`;
    const existing = byKey.get(key);
    if (!existing) byKey.set(key, { repo, number: c.number, source: c.source });
    else if (linkSourcePriority[c.source] > linkSourcePriority[existing.source]) existing.source = c.source;
  }
  return [...byKey.values()];
}
