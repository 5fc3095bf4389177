import type { SeasonRules } from "@/lib/seasons/season-file";
import type { GateStanding } from "./gates";
import { CappedSums, NO_DIFFICULTY } from "./totals";

/**
 * A scorer's (participant's or team's) capped points while the season is replayed in time order: overall and per
 * repository, per difficulty, held to the caps as `computeTotals` holds them. What gates and stops read at a merge
 * or a pick-up. Pure.
 */
export class Standing {
  private readonly overall: CappedSums;
  private readonly perRepo = new Map<number, CappedSums>();

  constructor(private readonly rules: SeasonRules) {
    this.overall = new CappedSums(rules);
  }

  /** Adds points; returns how many of them count after the caps (the change of the capped total). */
  add(repositoryId: number | null, difficulty: string | null, points: number): number {
    const before = this.overall.points;
    const d = difficulty ?? NO_DIFFICULTY;
    this.overall.add(repositoryId, d, points);
    if (repositoryId !== null) {
      let sums = this.perRepo.get(repositoryId);
      if (!sums) this.perRepo.set(repositoryId, (sums = new CappedSums(this.rules)));
      sums.add(repositoryId, d, points);
    }
    return this.overall.points - before;
  }

  get points(): number {
    return this.overall.points;
  }

  /** The shape the gate and stop checks read; `repoName` names the repositories (lower-case owner/name). */
  view(repoName: (id: number) => string): GateStanding {
    const breakdown = (sums: CappedSums) => Object.fromEntries([...sums.byDifficulty()].map(([d, score]) => [d, { tasks: 0, score }]));
    const byRepo: GateStanding["byRepo"] = {};
    for (const [id, sums] of this.perRepo) byRepo[repoName(id)] = breakdown(sums);
    return { points: this.overall.points, byDifficulty: breakdown(this.overall), byRepo };
  }
}
