import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AwardPullRequest, AwardTask } from "@/lib/scoring/awards";
import { decideSeason, type DecisionSeason } from "@/lib/scoring/decisions";
import { computeTotals } from "@/lib/scoring/totals";
import type { SeasonRules } from "@/lib/seasons/season-file";

const day = (n: number) => new Date(Date.UTC(2020, 2, 1) + n * 86_400_000);
const DIFFS = ["easy", "medium", "hard"] as const;

const arbCaps = fc.array(
  fc.record({ difficulty: fc.constantFrom(...DIFFS), max: fc.integer({ min: 50, max: 600 }), perRepo: fc.boolean() }),
  { maxLength: 3 },
);
const arbStops = fc.array(
  fc.record({ difficulty: fc.constantFrom(...DIFFS), atPoints: fc.integer({ min: 50, max: 600 }), perRepo: fc.boolean(), from: fc.option(fc.constantFrom(...DIFFS), { nil: undefined }) }),
  { maxLength: 2 },
);

/** A world where every task is referenced by at most one PR (so "first merged PR takes the task" plays no part). */
const arbWorld = fc
  .record({
    tasks: fc.array(fc.record({ difficulty: fc.constantFrom(...DIFFS), score: fc.integer({ min: 10, max: 400 }), repo: fc.integer({ min: 1, max: 2 }) }), { minLength: 1, maxLength: 10 }),
    authors: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 10, maxLength: 10 }),
    days: fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { minLength: 10, maxLength: 10 }),
  })
  .map(({ tasks, authors, days }) => {
    const awardTasks: AwardTask[] = tasks.map((t, i) => ({ id: i + 1, repositoryId: t.repo, number: i + 1, score: t.score, difficulty: t.difficulty, perPr: false, active: true, pickedUpAt: null, createdAt: null }));
    const pulls: AwardPullRequest[] = awardTasks.map((t, i) => ({
      id: i + 1,
      repo: t.repositoryId === 1 ? "o/a" : "o/b",
      repositoryId: t.repositoryId,
      number: 100 + i,
      authorId: authors[i]!,
      mergedAt: day(days[i]!),
      createdAt: null,
      taskIds: [t.id],
      rewards: [],
    }));
    return { tasks: awardTasks, pulls, days: days.slice(0, awardTasks.length) };
  });

const season = (rules: SeasonRules): DecisionSeason => ({ id: 1, startsAt: day(0), endsAt: day(60), graceDays: 0, repos: ["o/a", "o/b"], rules });
const perParticipant = (r: ReturnType<typeof decideSeason>) => {
  const out = new Map<number, number>();
  for (const d of r.decisions) if (d.scorer) out.set(d.scorer.participantId, (out.get(d.scorer.participantId) ?? 0) + d.points);
  return out;
};

describe("the season pass, properties", () => {
  it("without stops and gates, the order of merges does not change anyone's total (caps are sums of the whole season)", () => {
    fc.assert(
      fc.property(arbWorld, arbCaps, fc.func(fc.integer()), ({ tasks, pulls, days }, caps, key) => {
        const rules: SeasonRules = { caps, gates: [], stops: [] };
        const shuffled = [...days].sort((a, b) => key(a) - key(b) || a - b);
        const reordered = pulls.map((p, i) => ({ ...p, mergedAt: day(shuffled[i]!) }));
        expect(perParticipant(decideSeason(season(rules), tasks, reordered))).toEqual(perParticipant(decideSeason(season(rules), tasks, pulls)));
      }),
      { numRuns: 200 },
    );
  });

  it("the points of a participant's PR decisions add up to their capped season total, with caps and stops", () => {
    fc.assert(
      fc.property(arbWorld, arbCaps, arbStops, ({ tasks, pulls }, caps, stops) => {
        const rules: SeasonRules = { caps, gates: [], stops };
        const r = decideSeason(season(rules), tasks, pulls);
        const totals = computeTotals(
          r.awards.map((a, i) => ({ id: i + 1, participantId: a.participantId, repositoryId: a.repositoryId, taskId: a.taskId, difficulty: a.difficulty, points: a.points, occurredAt: a.occurredAt })),
          rules,
        );
        const sums = perParticipant(r);
        for (const t of totals) expect(sums.get(t.participantId) ?? 0).toBe(t.points);
        for (const d of r.decisions) expect(["scored", "capped", "stopped"]).toContain(d.outcome);
      }),
      { numRuns: 300 },
    );
  });

  it("with a stop, no PR of the stop's difficulty pays once its scorer had reached the stop's points", () => {
    fc.assert(
      fc.property(arbWorld, arbStops, ({ tasks, pulls }, stops) => {
        const rules: SeasonRules = { caps: [], gates: [], stops: stops.map((s) => ({ ...s, perRepo: false, from: undefined })) };
        const r = decideSeason(season(rules), tasks, pulls);
        const have = new Map<number, number>();
        const ordered = [...r.decisions].sort((a, b) => pulls[a.pullRequestId - 1]!.mergedAt!.getTime() - pulls[b.pullRequestId - 1]!.mergedAt!.getTime());
        for (const d of ordered) {
          const p = d.scorer!.participantId;
          const task = tasks[d.taskId! - 1]!;
          const reached = rules.stops.some((s) => s.difficulty === task.difficulty && (have.get(p) ?? 0) >= s.atPoints);
          expect(d.outcome === "stopped").toBe(reached);
          have.set(p, (have.get(p) ?? 0) + d.points);
        }
      }),
      { numRuns: 300 },
    );
  });
});
