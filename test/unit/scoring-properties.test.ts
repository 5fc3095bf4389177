import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  desiredAwards,
  reconcile,
  type Award,
  type AwardPullRequest,
  type AwardSeason,
  type AwardTask,
  type Correction,
  type LedgerFamily,
} from "@/lib/scoring/awards";
import { computeTotals, NO_DIFFICULTY, type LedgerPoint, type ParticipantTotals } from "@/lib/scoring/totals";
import type { SeasonRules } from "@/lib/seasons/season-file";

const DIFFICULTIES = ["easy", "medium", "hard"] as const;
const day = (n: number) => new Date(Date.UTC(2020, 2, 1) + n * 86_400_000);

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

/** Caps: per difficulty, optionally an overall and optionally a per-repo one (at most one of each). */
const arbRules: fc.Arbitrary<SeasonRules> = fc
  .tuple(
    ...DIFFICULTIES.map((difficulty) =>
      fc.record({
        overall: fc.option(fc.integer({ min: 1, max: 3000 }), { nil: undefined }),
        perRepo: fc.option(fc.integer({ min: 1, max: 1500 }), { nil: undefined }),
      }).map(({ overall, perRepo }) => [
        ...(overall === undefined ? [] : [{ difficulty, max: overall, perRepo: false }]),
        ...(perRepo === undefined ? [] : [{ difficulty, max: perRepo, perRepo: true }]),
      ]),
    ),
  )
  .chain((perDifficulty) => fc.shuffledSubarray(perDifficulty.flat(), { minLength: perDifficulty.flat().length }))
  .map((caps) => ({ caps, gates: [], stops: [] }));

const arbDifficulty = fc.constantFrom<string | null>(...DIFFICULTIES, null);
const arbRepo = fc.constantFrom<number | null>(1, 2, 3, null);

/**
 * A ledger as the importer writes it: award families (one task or reward of one participant), each a
 * sequence of desired values (>= 0); the entries are the differences (award, adjustments, revocations).
 */
const arbLedger: fc.Arbitrary<LedgerPoint[]> = fc
  .array(
    fc.record({
      participantId: fc.integer({ min: 1, max: 4 }),
      repositoryId: arbRepo,
      taskId: fc.option(fc.integer({ min: 1, max: 30 }), { nil: null }),
      difficulty: arbDifficulty,
      values: fc.array(fc.integer({ min: 0, max: 1200 }), { minLength: 1, maxLength: 4 }),
      start: fc.integer({ min: 0, max: 80 }),
    }),
    { maxLength: 30 },
  )
  .map((families) => {
    let id = 1;
    const out: LedgerPoint[] = [];
    for (const f of families) {
      let net = 0;
      f.values.forEach((value, i) => {
        if (value === net) return;
        out.push({ id: id++, participantId: f.participantId, repositoryId: f.repositoryId, taskId: f.taskId, difficulty: f.difficulty, points: value - net, occurredAt: day(f.start + i) });
        net = value;
      });
    }
    return out;
  });

/** Plain random entries, positive and negative. */
const arbEntries: fc.Arbitrary<LedgerPoint[]> = fc
  .array(
    fc.record({
      participantId: fc.integer({ min: 1, max: 4 }),
      repositoryId: arbRepo,
      taskId: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
      difficulty: arbDifficulty,
      points: fc.integer({ min: -500, max: 1000 }),
      occurredAt: fc.integer({ min: 0, max: 60 }).map(day),
    }),
    { maxLength: 40 },
  )
  .map((list) => list.map((e, i) => ({ ...e, id: i + 1 })));

// ---------------------------------------------------------------------------------------------
// Reference: written independently of totals.ts, straight from the contract.
// ---------------------------------------------------------------------------------------------

type Reference = { points: number; rawPoints: number; tasks: number; byDifficulty: Map<string | null, number> };

function capOf(rules: SeasonRules, difficulty: string, perRepo: boolean): number {
  const cap = rules.caps.find((c) => c.difficulty === difficulty && c.perRepo === perRepo);
  return cap ? cap.max : Infinity;
}

/** Per difficulty: each repo's sum held to the per-repo cap, added up, held to the overall cap; no difficulty: uncapped. */
function reference(entries: LedgerPoint[], rules: SeasonRules): Map<number, Reference> {
  const out = new Map<number, Reference>();
  const participants = [...new Set(entries.map((e) => e.participantId))];
  for (const participantId of participants) {
    const mine = entries.filter((e) => e.participantId === participantId);
    const byDifficulty = new Map<string | null, number>();
    for (const difficulty of new Set(mine.map((e) => e.difficulty))) {
      const ofDifficulty = mine.filter((e) => e.difficulty === difficulty);
      if (difficulty === null) {
        byDifficulty.set(null, ofDifficulty.reduce((s, e) => s + e.points, 0));
        continue;
      }
      let sum = 0;
      for (const repo of new Set(ofDifficulty.map((e) => e.repositoryId))) {
        const repoSum = ofDifficulty.filter((e) => e.repositoryId === repo).reduce((s, e) => s + e.points, 0);
        sum += Math.min(capOf(rules, difficulty, true), repoSum);
      }
      byDifficulty.set(difficulty, Math.min(capOf(rules, difficulty, false), sum));
    }
    const perTask = new Map<number, number>();
    for (const e of mine) if (e.taskId !== null) perTask.set(e.taskId, (perTask.get(e.taskId) ?? 0) + e.points);
    out.set(participantId, {
      points: [...byDifficulty.values()].reduce((s, v) => s + v, 0),
      rawPoints: mine.reduce((s, e) => s + e.points, 0),
      tasks: [...perTask.values()].filter((v) => v > 0).length,
      byDifficulty,
    });
  }
  return out;
}

const normalise = (totals: ParticipantTotals[]) =>
  [...totals]
    .sort((a, b) => a.participantId - b.participantId)
    .map(({ byRepo, ...rest }) => ({ ...rest, byRepo: [...byRepo].sort(([a], [b]) => a - b) }));

const shuffled = <T,>(arb: fc.Arbitrary<T[]>) =>
  arb.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })));

// ---------------------------------------------------------------------------------------------
// computeTotals
// ---------------------------------------------------------------------------------------------

describe("computeTotals properties", () => {
  it("totals equal the capped sum of the ledger (reference computation), raw points the plain sum", () => {
    fc.assert(
      fc.property(arbLedger, arbRules, (entries, rules) => {
        const expected = reference(entries, rules);
        const totals = computeTotals(entries, rules);
        expect(totals.map((t) => t.participantId).sort()).toEqual([...expected.keys()].sort());
        for (const t of totals) {
          const ref = expected.get(t.participantId);
          expect(t.points).toBe(ref?.points);
          expect(t.rawPoints).toBe(ref?.rawPoints);
          expect(t.tasks).toBe(ref?.tasks);
          for (const [difficulty, score] of ref?.byDifficulty ?? []) {
            expect(t.byDifficulty[difficulty ?? NO_DIFFICULTY]?.score).toBe(score);
          }
          // The per-repo totals are the same computation on that repo's entries alone.
          for (const [repo, repoTotals] of t.byRepo) {
            const mine = entries.filter((e) => e.participantId === t.participantId && e.repositoryId === repo);
            const repoRef = reference(mine, rules).get(t.participantId);
            expect(repoTotals.points).toBe(repoRef?.points);
            expect(repoTotals.rawPoints).toBe(repoRef?.rawPoints);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("rawPoints is the plain sum and the breakdown adds up to points, for any entries", () => {
    fc.assert(
      fc.property(arbEntries, arbRules, (entries, rules) => {
        for (const t of computeTotals(entries, rules)) {
          const mine = entries.filter((e) => e.participantId === t.participantId);
          expect(t.rawPoints).toBe(mine.reduce((s, e) => s + e.points, 0));
          expect(Object.values(t.byDifficulty).reduce((s, d) => s + d.score, 0)).toBe(t.points);
          expect(Object.values(t.byDifficulty).reduce((s, d) => s + d.tasks, 0)).toBe(t.tasks);
        }
      }),
    );
  });

  it("the order of entries does not change the totals", () => {
    fc.assert(
      fc.property(shuffled(arbEntries), arbRules, ([entries, reordered], rules) => {
        expect(normalise(computeTotals(reordered, rules))).toEqual(normalise(computeTotals(entries, rules)));
      }),
    );
    fc.assert(
      fc.property(shuffled(arbLedger), arbRules, ([entries, reordered], rules) => {
        expect(normalise(computeTotals(reordered, rules))).toEqual(normalise(computeTotals(entries, rules)));
      }),
    );
  });

  it("a revoked award leaves no points: an opposite entry for every entry gives 0 points and 0 tasks", () => {
    fc.assert(
      fc.property(arbEntries, arbRules, fc.integer({ min: 0, max: 30 }), (entries, rules, later) => {
        const revocations = entries.map((e, i) => ({
          ...e,
          id: entries.length + i + 1,
          points: -e.points,
          occurredAt: new Date(e.occurredAt.getTime() + later * 86_400_000),
        }));
        for (const t of computeTotals([...entries, ...revocations], rules)) {
          expect(t).toMatchObject({ points: 0, rawPoints: 0, tasks: 0 });
          for (const d of Object.values(t.byDifficulty)) expect(d).toEqual({ tasks: 0, score: 0 });
          for (const repoTotals of t.byRepo.values()) expect(repoTotals).toMatchObject({ points: 0, tasks: 0 });
        }
      }),
    );
  });

  it("capped points never exceed the raw positive sums, nor a difficulty's caps", () => {
    fc.assert(
      fc.property(fc.oneof(arbEntries, arbLedger), arbRules, (entries, rules) => {
        for (const t of computeTotals(entries, rules)) {
          const mine = entries.filter((e) => e.participantId === t.participantId);
          const positive = (list: LedgerPoint[]) => list.reduce((s, e) => s + Math.max(0, e.points), 0);
          expect(t.points).toBeLessThanOrEqual(positive(mine));
          for (const [difficulty, { score }] of Object.entries(t.byDifficulty)) {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(positive(mine.filter((e) => (e.difficulty ?? NO_DIFFICULTY) === difficulty)));
            expect(score).toBeLessThanOrEqual(capOf(rules, difficulty, false));
          }
          for (const [repo, repoTotals] of t.byRepo) {
            expect(repoTotals.points).toBeLessThanOrEqual(positive(mine.filter((e) => e.repositoryId === repo)));
            for (const [difficulty, { score }] of Object.entries(repoTotals.byDifficulty)) {
              expect(score).toBeLessThanOrEqual(Math.min(capOf(rules, difficulty, true), capOf(rules, difficulty, false)));
            }
          }
        }
      }),
    );
  });

  // Regression: entries without a difficulty were once counted under "other", a valid difficulty name, and
  // shared its caps. With a difficulty "other" capped at 300, a task without difficulty worth 500 counts in
  // full next to 500 "other" points capped to 300: 800.
  it("entries without a difficulty are not capped by a season difficulty named `other`", () => {
    const at = day(0);
    const entries: LedgerPoint[] = [
      { id: 1, participantId: 1, repositoryId: 1, taskId: 1, difficulty: null, points: 500, occurredAt: at },
      { id: 2, participantId: 1, repositoryId: 1, taskId: 2, difficulty: "other", points: 500, occurredAt: at },
    ];
    const rules: SeasonRules = { caps: [{ difficulty: "other", max: 300, perRepo: false }], gates: [], stops: [] };
    expect(computeTotals(entries, rules)[0]?.points).toBe(800);
  });
});

// ---------------------------------------------------------------------------------------------
// reconcile / desiredAwards
// ---------------------------------------------------------------------------------------------

const famKey = (f: { key: string; participantId: number }) => `${f.key}|${f.participantId}`;

const award = (key: string, participantId: number, points: number): Award => ({
  key,
  participantId,
  teamId: null,
  points,
  taskId: Number(key.slice(1)),
  pullRequestId: 100 + Number(key.slice(1)),
  repositoryId: 1 + (Number(key.slice(1)) % 3),
  difficulty: DIFFICULTIES[Number(key.slice(1)) % 3] ?? null,
  occurredAt: day(Number(key.slice(1))),
  reason: `award ${key}`,
});

const arbKey = fc.integer({ min: 0, max: 7 }).map((n) => `k${n}`);
const arbDesired: fc.Arbitrary<Award[]> = fc
  .uniqueArray(fc.record({ key: arbKey, participantId: fc.integer({ min: 1, max: 3 }), points: fc.integer({ min: 0, max: 1000 }) }), {
    selector: famKey,
    maxLength: 12,
  })
  .map((list) => list.map((a) => award(a.key, a.participantId, a.points)));
const arbExisting: fc.Arbitrary<LedgerFamily[]> = fc
  .uniqueArray(
    fc.record({ key: arbKey, participantId: fc.integer({ min: 1, max: 3 }), net: fc.integer({ min: 0, max: 1000 }), entries: fc.integer({ min: 1, max: 4 }) }),
    { selector: famKey, maxLength: 12 },
  )
  .map((list) =>
    list.map(({ key, participantId, net, entries }) => {
      const { points: _points, ...rest } = award(key, participantId, 0);
      return { ...rest, net, entries };
    }),
  );

/** The families once the corrections are appended. */
function apply(existing: LedgerFamily[], corrections: Correction[]): LedgerFamily[] {
  const families = new Map(existing.map((f) => [famKey(f), { ...f }]));
  for (const c of corrections) {
    const f = families.get(famKey(c));
    if (f) {
      f.net += c.points;
      f.entries += 1;
    } else {
      const { points, sourceKey: _sourceKey, kind: _kind, ...rest } = c;
      families.set(famKey(c), { ...rest, net: points, entries: 1 });
    }
  }
  return [...families.values()];
}

/** The families of a ledger of corrections (first entry gives the family's fields). */
function familiesOf(ledger: Correction[]): LedgerFamily[] {
  return apply([], ledger);
}

describe("reconcile properties", () => {
  it("applying the corrections makes each family's net the desired points; reconciling again appends nothing", () => {
    fc.assert(
      fc.property(arbDesired, arbExisting, (desired, existing) => {
        const corrections = reconcile(desired, existing);
        const after = apply(existing, corrections);
        expect(reconcile(desired, after)).toEqual([]);
        const want = new Map(desired.map((a) => [famKey(a), a.points]));
        for (const f of after) expect(f.net).toBe(want.get(famKey(f)) ?? 0);
        // Every correction changes something, and a family gets at most one per run.
        for (const c of corrections) expect(c.points).not.toBe(0);
        expect(new Set(corrections.map(famKey)).size).toBe(corrections.length);
        // Kinds: an award opens a family, a revocation brings it to 0.
        const before = new Map(existing.map((f) => [famKey(f), f]));
        for (const c of corrections) {
          const f = before.get(famKey(c));
          if (!f) expect(c.kind).toBe("award");
          if (c.kind === "revocation") expect((f?.net ?? 0) + c.points).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("round after round, the ledger's source keys stay unique and its totals follow the last desired state", () => {
    fc.assert(
      fc.property(fc.array(arbDesired, { minLength: 1, maxLength: 5 }), (rounds) => {
        const ledger: Correction[] = [];
        for (const desired of rounds) {
          const corrections = reconcile(desired, familiesOf(ledger));
          ledger.push(...corrections);
          expect(reconcile(desired, familiesOf(ledger))).toEqual([]);
        }
        expect(new Set(ledger.map((c) => c.sourceKey)).size).toBe(ledger.length);
        const last = rounds[rounds.length - 1] ?? [];
        const entries: LedgerPoint[] = ledger.map((c, i) => ({
          id: i + 1,
          participantId: c.participantId,
          repositoryId: c.repositoryId,
          taskId: c.taskId,
          difficulty: c.difficulty,
          points: c.points,
          occurredAt: c.occurredAt,
        }));
        const totals = new Map(computeTotals(entries, { caps: [], gates: [], stops: [] }).map((t) => [t.participantId, t.points]));
        for (const participantId of new Set(ledger.map((c) => c.participantId))) {
          const expected = last.filter((a) => a.participantId === participantId).reduce((s, a) => s + a.points, 0);
          expect(totals.get(participantId)).toBe(expected);
        }
      }),
    );
  });
});

const season: AwardSeason = { id: 1, startsAt: day(0), endsAt: day(60), graceDays: 7, repos: ["o/a", "o/b"] };
const REPOS = ["o/a", "o/b", "o/c"] as const;

const arbWorld = fc
  .record({
    tasks: fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 8 }),
        score: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
        difficulty: arbDifficulty,
        perPr: fc.boolean(),
        active: fc.boolean(),
        pickedUpAt: fc.option(fc.integer({ min: -10, max: 70 }).map(day), { nil: null }),
      }),
      { selector: (t) => t.id, maxLength: 8 },
    ),
    pulls: fc.uniqueArray(
      fc.record({
        repoIndex: fc.integer({ min: 0, max: 2 }),
        number: fc.integer({ min: 1, max: 30 }),
        authorId: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
        mergedAt: fc.option(fc.integer({ min: -10, max: 75 }).map(day), { nil: null }),
        createdAt: fc.option(fc.integer({ min: -20, max: 70 }).map(day), { nil: null }),
        taskIds: fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 3 }),
        rewards: fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 2 }),
      }),
      { selector: (p) => `${p.repoIndex}#${p.number}`, maxLength: 12 },
    ),
  })
  .map(({ tasks, pulls }) => {
    let comment = 0;
    const awardTasks: AwardTask[] = tasks.map((t) => ({ ...t, repositoryId: 1, number: t.id, createdAt: null }));
    const awardPulls: AwardPullRequest[] = pulls.map((p, i) => ({
      id: i + 1,
      repo: REPOS[p.repoIndex] ?? "o/a",
      repositoryId: p.repoIndex + 1,
      number: p.number,
      authorId: p.authorId,
      mergedAt: p.mergedAt,
      createdAt: p.createdAt,
      taskIds: p.taskIds,
      rewards: p.rewards.map((points) => ({ commentId: `c${++comment}`, points, at: day(1) })),
    }));
    return { tasks: awardTasks, pulls: awardPulls };
  });

describe("desiredAwards properties", () => {
  it("awards are distinct families, a task without per-PR awards is awarded once, only merged PRs of scoring authors count", () => {
    fc.assert(
      fc.property(arbWorld, ({ tasks, pulls }) => {
        const awards = desiredAwards(season, tasks, pulls);
        expect(new Set(awards.map(famKey)).size).toBe(awards.length);
        const prById = new Map(pulls.map((p) => [p.id, p]));
        for (const a of awards) {
          const pr = prById.get(a.pullRequestId);
          expect(pr?.mergedAt).toBeInstanceOf(Date);
          expect(a.participantId).toBe(pr?.authorId);
          expect(season.repos).toContain(pr?.repo);
          expect(a.points).toBeGreaterThanOrEqual(0);
        }
        for (const t of tasks.filter((t) => !t.perPr)) {
          expect(awards.filter((a) => a.key === `s${season.id}:t${t.id}`).length).toBeLessThanOrEqual(1);
        }
        for (const t of tasks.filter((t) => !t.active)) {
          expect(awards.some((a) => a.key.startsWith(`s${season.id}:t${t.id}`))).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("does not depend on the order pull requests are given in", () => {
    fc.assert(
      fc.property(
        arbWorld.chain((w) => fc.tuple(fc.constant(w), fc.shuffledSubarray(w.pulls, { minLength: w.pulls.length }))),
        ([{ tasks, pulls }, reordered]) => {
          const byKey = (list: Award[]) => [...list].sort((a, b) => famKey(a).localeCompare(famKey(b)));
          expect(byKey(desiredAwards(season, tasks, reordered))).toEqual(byKey(desiredAwards(season, tasks, pulls)));
        },
      ),
    );
  });

  it("reconciling a ledger to the desired awards makes the totals the awards' sum", () => {
    fc.assert(
      fc.property(arbWorld, ({ tasks, pulls }) => {
        const awards = desiredAwards(season, tasks, pulls);
        const corrections = reconcile(awards, []);
        expect(reconcile(awards, apply([], corrections))).toEqual([]);
        const entries: LedgerPoint[] = corrections.map((c, i) => ({
          id: i + 1,
          participantId: c.participantId,
          repositoryId: c.repositoryId,
          taskId: c.taskId,
          difficulty: c.difficulty,
          points: c.points,
          occurredAt: c.occurredAt,
        }));
        const totals = computeTotals(entries, { caps: [], gates: [], stops: [] });
        for (const t of totals) {
          expect(t.points).toBe(awards.filter((a) => a.participantId === t.participantId).reduce((s, a) => s + a.points, 0));
        }
      }),
    );
  });
});
