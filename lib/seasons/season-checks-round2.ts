import type { z } from "zod";

/** What the second round's cross-field rules read of a season (the schema's output, before its refinement). */
export type ParsedRound2 = {
  startsAt: string;
  repos: string[];
  difficulties: Record<string, number>;
  rules: {
    caps: { difficulty: string; max: number; perRepo: boolean }[];
    gates: { difficulty: string; minPoints: number; from?: string | undefined; perRepo: boolean }[];
    stops: { difficulty: string; atPoints: number; from?: string | undefined; perRepo: boolean }[];
  };
  teams: { name: string; members: string[]; joinedAt?: string | undefined; leftAt?: Record<string, string> | undefined; difficulties?: string[] | undefined }[];
  umbrellas: { issue: string; difficulty?: string | undefined }[];
  companionRepos: string[];
  countAs: Record<string, string>;
  formerNames: Record<string, string[]>;
  prizes: { name: string }[];
};
type Ctx = z.RefinementCtx;

const lower = (s: string) => s.toLowerCase();
const issue = (ctx: Ctx, path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });

function checkStops(s: ParsedRound2, ctx: Ctx) {
  const known = (d: string) => Object.hasOwn(s.difficulties, d);
  s.rules.stops.forEach((stop, i) => {
    if (!known(stop.difficulty)) issue(ctx, ["rules", "stops", i, "difficulty"], `unknown difficulty ${stop.difficulty}`);
    if (stop.from !== undefined && !known(stop.from)) issue(ctx, ["rules", "stops", i, "from"], `unknown difficulty ${stop.from}`);
  });
  // A gate that counts one difficulty's points cannot be met when that difficulty stops, or is capped, below it.
  s.rules.gates.forEach((gate, g) => {
    if (gate.from === undefined) return;
    s.rules.stops.forEach((stop, i) => {
      const counts = stop.from === undefined || stop.from === gate.from;
      const scope = gate.perRepo || !stop.perRepo;
      if (stop.difficulty === gate.from && counts && scope && stop.atPoints < gate.minPoints)
        issue(ctx, ["rules", "stops", i, "atPoints"], `${gate.from} tasks stop earning at ${stop.atPoints}, below the ${gate.minPoints} points rules.gates[${g}] asks for from ${gate.from}: that gate could never be met`);
    });
    s.rules.caps.forEach((cap, i) => {
      if (cap.difficulty === gate.from && (gate.perRepo || !cap.perRepo) && cap.max < gate.minPoints)
        issue(ctx, ["rules", "caps", i, "max"], `${gate.from} is capped at ${cap.max}, below the ${gate.minPoints} points rules.gates[${g}] asks for from ${gate.from}: that gate could never be met`);
    });
  });
}

function checkRepoMaps(s: ParsedRound2, ctx: Ctx) {
  const listed = new Set(s.repos.map(lower));
  const companions = new Set<string>();
  s.companionRepos.forEach((r, i) => {
    if (listed.has(lower(r))) issue(ctx, ["companionRepos", i], `${r} is already in repos`);
    else if (companions.has(lower(r))) issue(ctx, ["companionRepos", i], `${r} is listed twice`);
    companions.add(lower(r));
  });
  const anyRepo = (r: string) => listed.has(lower(r)) || companions.has(lower(r));
  for (const [from, to] of Object.entries(s.countAs)) {
    if (!anyRepo(from)) issue(ctx, ["countAs", from], `${from} is not in repos or companionRepos`);
    if (!listed.has(lower(to))) issue(ctx, ["countAs", from], `${to} is not in repos`);
    else if (lower(from) === lower(to)) issue(ctx, ["countAs", from], `${from} cannot count as itself`);
    else if (Object.keys(s.countAs).some((k) => lower(k) === lower(to))) issue(ctx, ["countAs", from], `${to} itself counts as another repository; name the last one`);
  }
  const former = new Map<string, string>();
  for (const [repo, names] of Object.entries(s.formerNames)) {
    if (!anyRepo(repo)) issue(ctx, ["formerNames", repo], `${repo} is not in repos or companionRepos`);
    names.forEach((name, i) => {
      if (anyRepo(name)) issue(ctx, ["formerNames", repo, i], `${name} is a current repository of the season`);
      const other = former.get(lower(name));
      if (other !== undefined) issue(ctx, ["formerNames", repo, i], `${name} is already a former name of ${other}`);
      former.set(lower(name), repo);
    });
  }
}

function checkUmbrellas(s: ParsedRound2, ctx: Ctx) {
  const listed = new Set(s.repos.map(lower));
  const seen = new Set<string>();
  s.umbrellas.forEach((u, i) => {
    const repo = lower(u.issue.slice(0, u.issue.indexOf("#")));
    if (!listed.has(repo)) issue(ctx, ["umbrellas", i, "issue"], `${u.issue} is not in a repository of repos`);
    if (seen.has(lower(u.issue))) issue(ctx, ["umbrellas", i, "issue"], `${u.issue} is listed twice`);
    seen.add(lower(u.issue));
    if (u.difficulty !== undefined && !Object.hasOwn(s.difficulties, u.difficulty)) issue(ctx, ["umbrellas", i, "difficulty"], `unknown difficulty ${u.difficulty}`);
  });
}

function checkTeamDates(s: ParsedRound2, ctx: Ctx) {
  s.teams.forEach((team, t) => {
    const members = new Set(team.members.map(lower));
    const joined = Date.parse(team.joinedAt ?? s.startsAt);
    for (const [login, at] of Object.entries(team.leftAt ?? {})) {
      if (!members.has(lower(login))) issue(ctx, ["teams", t, "leftAt", login], `${login} is not a member of ${team.name}`);
      else if (Date.parse(at) <= joined) issue(ctx, ["teams", t, "leftAt", login], "must be after the team's joinedAt");
    }
    (team.difficulties ?? []).forEach((d, i) => {
      if (!Object.hasOwn(s.difficulties, d)) issue(ctx, ["teams", t, "difficulties", i], `unknown difficulty ${d}`);
    });
  });
}

/** The second round's fields that span others: stops and gates, repository maps, umbrellas, team dates, prizes. */
export function checkRound2(s: ParsedRound2, ctx: Ctx) {
  checkStops(s, ctx);
  checkRepoMaps(s, ctx);
  checkUmbrellas(s, ctx);
  checkTeamDates(s, ctx);
  const names = new Set<string>();
  s.prizes.forEach((p, i) => {
    if (names.has(lower(p.name))) issue(ctx, ["prizes", i, "name"], `${p.name} is a prize name used twice`);
    names.add(lower(p.name));
  });
}
