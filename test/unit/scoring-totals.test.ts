import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeTotals, pointsTimeline, type LedgerPoint } from "@/lib/scoring/totals";
import type { SeasonRules } from "@/lib/seasons/season-file";

const t = (day: number) => new Date(Date.UTC(2020, 2, day));
let nextId = 1;
const entry = (p: Partial<LedgerPoint>): LedgerPoint => ({
  id: nextId++,
  participantId: 1,
  repositoryId: 1,
  taskId: nextId,
  difficulty: "easy",
  points: 100,
  occurredAt: t(1),
  ...p,
});
const noRules: SeasonRules = { caps: [], gates: [], stops: [] };

describe("computeTotals", () => {
  it("sums points, tasks and the breakdown per difficulty", () => {
    const [total] = computeTotals(
      [entry({ points: 100 }), entry({ difficulty: "hard", points: 1000, occurredAt: t(3) }), entry({ points: 100, occurredAt: t(2) })],
      noRules,
    );
    expect(total).toMatchObject({ points: 1200, rawPoints: 1200, tasks: 3, reachedAt: t(3) });
    expect(total?.byDifficulty).toEqual({ easy: { tasks: 2, score: 200 }, hard: { tasks: 1, score: 1000 } });
  });

  it("applies overall and per-repo caps but keeps the raw points", () => {
    const rules: SeasonRules = {
      stops: [],
      caps: [
        { difficulty: "easy", max: 300, perRepo: false },
        { difficulty: "easy", max: 200, perRepo: true },
      ],
      gates: [],
    };
    const entries = [1, 2, 3].flatMap((repo) => [1, 2, 3].map((d) => entry({ repositoryId: repo, occurredAt: t(repo * 3 + d) })));
    const [total] = computeTotals(entries, rules);
    expect(total?.rawPoints).toBe(900);
    expect(total?.points).toBe(300);
    // Repo 1 stops at its cap of 200; repo 2's first task (day 7) brings the total to the overall cap of 300.
    expect(total?.reachedAt).toEqual(t(7));
    expect(total?.byRepo.get(1)?.points).toBe(200);
  });

  it("a revoked award leaves no points and no task", () => {
    const award = entry({ taskId: 7, points: 300, difficulty: "medium" });
    const [total] = computeTotals([award, entry({ taskId: 7, points: -300, difficulty: "medium", occurredAt: t(5) })], noRules);
    expect(total).toMatchObject({ points: 0, tasks: 0 });
  });

  it("does not depend on the order entries were appended in", () => {
    const arbEntry = fc.record({
      id: fc.integer({ min: 1, max: 1_000_000 }),
      participantId: fc.integer({ min: 1, max: 4 }),
      repositoryId: fc.integer({ min: 1, max: 3 }),
      taskId: fc.integer({ min: 1, max: 20 }),
      difficulty: fc.constantFrom("easy", "medium", "hard"),
      points: fc.integer({ min: -500, max: 1000 }),
      occurredAt: fc.integer({ min: 1, max: 60 }).map(t),
    });
    const rules: SeasonRules = { caps: [{ difficulty: "easy", max: 400, perRepo: false }], gates: [], stops: [] };
    fc.assert(
      fc.property(fc.uniqueArray(arbEntry, { selector: (e) => e.id, maxLength: 40 }), (entries) => {
        const norm = (list: LedgerPoint[]) =>
          computeTotals(list, rules)
            .sort((a, b) => a.participantId - b.participantId)
            .map(({ byRepo, ...rest }) => ({ ...rest, byRepo: [...byRepo].sort(([a], [b]) => a - b) }));
        expect(norm([...entries].reverse())).toEqual(norm(entries));
      }),
    );
  });
});

describe("pointsTimeline", () => {
  it("steps through the capped total in the order points were earned", () => {
    const rules: SeasonRules = { caps: [{ difficulty: "easy", max: 150, perRepo: false }], gates: [], stops: [] };
    const line = pointsTimeline([entry({ occurredAt: t(3) }), entry({ occurredAt: t(1) }), entry({ difficulty: "hard", points: 1000, occurredAt: t(2) })], rules);
    expect(line.map((p) => [p.at.getUTCDate(), p.points])).toEqual([
      [1, 100],
      [2, 1100],
      [3, 1150],
    ]);
  });
});
