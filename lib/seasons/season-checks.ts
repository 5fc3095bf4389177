import type { z } from "zod";
import { checkRound2, type ParsedRound2 } from "./season-checks-round2";

/** What the cross-field rules read of a season (the schema's output, before its own refinement). */
type Parsed = ParsedRound2 & {
  slug: string;
  startsAt: string;
  endsAt: string;
  repos: string[];
  taskLabels: string[];
  taskTitlePrefixes: string[];
  difficulties: Record<string, number>;
  maintainers: Record<string, string[]>;
  unranked: string[];
};
type Ctx = z.RefinementCtx;

/** Each entry that repeats an earlier one (compared by `key`) is an issue at its own index. */
function noRepeats(ctx: Ctx, path: (string | number)[], items: string[], key: (s: string) => string, what = "is listed twice") {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) ctx.addIssue({ code: "custom", path: [...path, i], message: `${item} ${what}` });
    seen.add(k);
  });
}

const lower = (s: string) => s.toLowerCase();

function checkDifficulties(s: Parsed, ctx: Ctx) {
  const known = (d: string) => Object.hasOwn(s.difficulties, d);
  s.rules.caps.forEach((c, i) => {
    if (!known(c.difficulty)) ctx.addIssue({ code: "custom", path: ["rules", "caps", i, "difficulty"], message: `unknown difficulty ${c.difficulty}` });
  });
  s.rules.gates.forEach((g, i) => {
    if (!known(g.difficulty)) ctx.addIssue({ code: "custom", path: ["rules", "gates", i, "difficulty"], message: `unknown difficulty ${g.difficulty}` });
    if (g.from !== undefined && !known(g.from)) ctx.addIssue({ code: "custom", path: ["rules", "gates", i, "from"], message: `unknown difficulty ${g.from}` });
  });
}

/**
 * Teams: a name once (any case), a login once per team, and in one team only (its points belong to one
 * team); a team may not be named like a member's login, since `unranked` takes logins and team names alike.
 */
function checkTeams(s: Parsed, ctx: Ctx) {
  noRepeats(ctx, ["teams"], s.teams.map((t) => t.name), lower, "is a team name used twice");
  const teamOf = new Map<string, string>();
  s.teams.forEach((team, t) => {
    noRepeats(ctx, ["teams", t, "members"], team.members, lower, "is a member twice");
    const own = new Set<string>();
    team.members.forEach((login, m) => {
      const k = lower(login);
      const other = teamOf.get(k);
      if (other !== undefined && !own.has(k)) ctx.addIssue({ code: "custom", path: ["teams", t, "members", m], message: `${login} is already in team ${other}` });
      own.add(k);
      if (other === undefined) teamOf.set(k, team.name);
    });
  });
  s.teams.forEach((team, t) => {
    if (teamOf.has(lower(team.name))) ctx.addIssue({ code: "custom", path: ["teams", t, "name"], message: `${team.name} is also a member's login; unranked would be ambiguous` });
  });
}

/** The rules of one season that span fields. */
export function checkSeason(s: Parsed, ctx: Ctx) {
  if (Date.parse(s.endsAt) <= Date.parse(s.startsAt)) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "must be after startsAt" });
  noRepeats(ctx, ["repos"], s.repos.map(lower), (r) => r);
  // GitHub compares label names without regard to case; prefixes are matched case-insensitively too.
  noRepeats(ctx, ["taskLabels"], s.taskLabels, lower);
  noRepeats(ctx, ["taskTitlePrefixes"], s.taskTitlePrefixes, lower);
  noRepeats(ctx, ["unranked"], s.unranked, lower);
  checkDifficulties(s, ctx);
  const repos = new Set(s.repos.map(lower));
  const maintainerRepos = Object.keys(s.maintainers);
  for (const repo of maintainerRepos) {
    if (!repos.has(lower(repo))) ctx.addIssue({ code: "custom", path: ["maintainers", repo], message: `${repo} is not in repos` });
    noRepeats(ctx, ["maintainers", repo], s.maintainers[repo] ?? [], lower);
  }
  const seen = new Set<string>();
  for (const repo of maintainerRepos) {
    if (seen.has(lower(repo))) ctx.addIssue({ code: "custom", path: ["maintainers", repo], message: `${repo} is listed twice` });
    seen.add(lower(repo));
  }
  checkTeams(s, ctx);
  checkRound2(s, ctx);
}

/** Two seasons of one file may not share a slug. */
export function uniqueSlugs(list: { slug: string }[], ctx: Ctx) {
  const seen = new Set<string>();
  list.forEach((s, i) => {
    if (seen.has(s.slug)) ctx.addIssue({ code: "custom", path: [i, "slug"], message: `season ${s.slug} appears twice in the file` });
    seen.add(s.slug);
  });
}
