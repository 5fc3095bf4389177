import type { Fixture, FixtureSeason } from "@/demo/program/fixture";

/**
 * Expected figures for the demo program, worked out here by plain loops over the fixture and the contract's
 * rules, never with the scoring code (lib/scoring) they check.
 */

type Entry = { participantId: number; repositoryId: number | null; taskId: number | null; difficulty: string | null; points: number };
type Cap = NonNullable<NonNullable<FixtureSeason["rules"]>["caps"]>[number];

/**
 * Season totals from ledger entries, by the contract: per difficulty, each repository's points held to that
 * difficulty's per-repo cap, their sum held to the overall cap; a task counts once its net points are positive.
 * Computed from the final sums at once (the code under test keeps running sums, entry by entry).
 */
export function totalsByHand(entries: Entry[], caps: Cap[]): Map<number, { points: number; tasks: number }> {
  const firstCap = (difficulty: string, perRepo: boolean) =>
    caps.find((c) => c.difficulty === difficulty && (c.perRepo ?? false) === perRepo)?.max ?? Infinity;
  const out = new Map<number, { points: number; tasks: number }>();
  for (const participantId of new Set(entries.map((e) => e.participantId))) {
    const mine = entries.filter((e) => e.participantId === participantId);
    const raw = new Map<string, Map<number, number>>();
    const perTask = new Map<number, number>();
    for (const e of mine) {
      const difficulty = e.difficulty ?? "(none)";
      const repos = raw.get(difficulty) ?? new Map<number, number>();
      repos.set(e.repositoryId ?? 0, (repos.get(e.repositoryId ?? 0) ?? 0) + e.points);
      raw.set(difficulty, repos);
      if (e.taskId !== null) perTask.set(e.taskId, (perTask.get(e.taskId) ?? 0) + e.points);
    }
    let points = 0;
    for (const [difficulty, repos] of raw) {
      let sum = 0;
      for (const net of repos.values()) sum += Math.min(Math.max(net, 0), firstCap(difficulty, true));
      points += Math.min(sum, firstCap(difficulty, false));
    }
    const tasks = [...perTask.values()].filter((n) => n > 0).length;
    out.set(participantId, { points, tasks });
  }
  return out;
}

export type PlainAward = { season: string; login: string; repo: string; issue: number; points: number };

const mentions = (text: string, n: number) => new RegExp(`#${n}\\b|/issues/${n}\\b`).test(text);

/**
 * The awards of the plainest cases, straight from the fixture: a task issue (a season label or title prefix) whose body
 * says nothing of score or difficulty, with one `difficulty/<name>` label and at most one `score/N` or `points/N` label
 * (else the season's default for the difficulty), closed by a merged pull request of a non-bot author in the same repo,
 * merged inside the season window, with no `/reward` on it, and no other author's or rewarded merged PR naming
 * that number anywhere, of a difficulty no gate of the season names. Its author earns the task's score once.
 */
export function plainAwards(fixture: Fixture): PlainAward[] {
  const bots = new Set(fixture.users.filter((u) => u.type === "Bot").map((u) => u.login));
  const merged = fixture.pullRequests.filter((p) => p.mergedAt !== null && p.author !== null && !bots.has(p.author));
  const rewarded = (p: (typeof merged)[number]) => p.comments.some((c) => c.body.trim().startsWith("/reward"));
  const out: PlainAward[] = [];
  for (const season of fixture.seasons) {
    const [start, end] = [Date.parse(season.startsAt), Date.parse(season.endsAt)];
    const repos = season.repos.map((r) => r.toLowerCase());
    for (const issue of fixture.issues) {
      if (!repos.includes(issue.repo.toLowerCase())) continue;
      const isTask = issue.labels.some((l) => (season.taskLabels ?? []).includes(l)) || (season.taskTitlePrefixes ?? []).some((p) => issue.title.startsWith(p));
      if (!isTask || /score|difficulty/i.test(issue.body)) continue;
      const difficulties = issue.labels.filter((l) => l.startsWith("difficulty/")).map((l) => l.slice("difficulty/".length));
      const stated = issue.labels.filter((l) => /^(score|points)\/\d+$/.test(l)).map((l) => Number(l.split("/")[1]));
      const difficulty = difficulties[0];
      if (difficulties.length !== 1 || difficulty === undefined || stated.length > 1) continue;
      // A gate binds credit too (contract, second round): the plainest tasks are of difficulties no gate names.
      if ((season.rules?.gates ?? []).some((g) => g.difficulty === difficulty)) continue;
      const points = stated[0] ?? season.difficulties[difficulty];
      if (points === undefined) continue;
      const closers = merged.filter((p) => p.repo === issue.repo && p.closingIssues.includes(issue.number));
      const inWindow = closers.filter((p) => Date.parse(p.mergedAt!) >= start && Date.parse(p.mergedAt!) <= end);
      const author = inWindow[0]?.author;
      if (!author || closers.some((p) => p.author !== author)) continue;
      const naming = merged.filter((p) => p.closingIssues.includes(issue.number) || mentions(`${p.title}\n${p.body}`, issue.number));
      if (naming.some((p) => p.author !== author || rewarded(p))) continue;
      out.push({ season: season.slug, login: author, repo: issue.repo, issue: issue.number, points });
    }
  }
  return out;
}
