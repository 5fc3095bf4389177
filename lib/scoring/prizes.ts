import type { SeasonPrize } from "@/lib/seasons/season-file";

export type Ranking = "individuals" | "teams";

/** One entry of a final ranking: a login or a team's name, its competition rank (null: unranked) and score. */
export type Contender = { ranking: Ranking; name: string; rank: number | null; score: number };

export type PrizeOutcome = {
  name: string;
  winners: Contender[];
  /**
   * The rankings in which a tie at the prize's last rank let more entries win than the range has places
   * (ranks [1, 3] and four entries ranked 1, 2, 3, 3: all four win). The page says so.
   */
  tiedAtBoundary: Ranking[];
};

const RANKINGS: Ranking[] = ["individuals", "teams"];

/** A rank prize's winners in one ranking: every ranked entry whose competition rank lies in the range. */
function rankWinners(prize: SeasonPrize & { ranks: [number, number] }, ranking: Ranking, contenders: Contender[]): { winners: Contender[]; tied: boolean } {
  const [first, last] = prize.ranks;
  const winners = contenders.filter((c) => c.ranking === ranking && c.rank !== null && c.rank >= first && c.rank <= last);
  return { winners, tied: winners.length > last - first + 1 };
}

/**
 * Who wins what (pure). Rank prizes (`ranks: [a, b]`) go to the ranked entries of each ranking separately
 * (individuals and teams; `ranking` limits a prize to one) whose standard competition rank (1, 2, 2, 4) is
 * from a to b: a tie at the last rank brings the whole tie in. Under competition ranking a place taken by a
 * tie above has no winner of its own (ranks 1, 1, 3: a [2, 2] prize goes to nobody). Threshold prizes
 * (`minPoints`) go to every entry of both rankings with at least that score, unranked (staff) ones too.
 * Outcomes follow the season file's order; winners keep the contenders' order.
 */
export function awardPrizes(prizes: readonly SeasonPrize[], contenders: readonly Contender[]): PrizeOutcome[] {
  const list = [...contenders];
  return prizes.map((prize) => {
    if (prize.ranks) {
      const rankings = prize.ranking ? [prize.ranking] : RANKINGS;
      const parts = rankings.map((r) => ({ ranking: r, ...rankWinners({ ...prize, ranks: prize.ranks! }, r, list) }));
      const winners = list.filter((c) => parts.some((p) => p.winners.includes(c)));
      return { name: prize.name, winners, tiedAtBoundary: parts.filter((p) => p.tied).map((p) => p.ranking) };
    }
    const min = prize.minPoints ?? 0;
    return { name: prize.name, winners: list.filter((c) => c.score >= min), tiedAtBoundary: [] };
  });
}

/** The prizes each entry won, keyed `ranking:lower-case name`, in the season file's order. */
export function prizesByEntry(outcomes: readonly PrizeOutcome[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const o of outcomes) {
    for (const w of o.winners) {
      const key = entryKey(w.ranking, w.name);
      out.set(key, [...(out.get(key) ?? []), o.name]);
    }
  }
  return out;
}

export const entryKey = (ranking: Ranking, name: string) => `${ranking}:${name.toLowerCase()}`;

/** When a season may be finalized: `graceDays` whole days after `endsAt` (late merges count until then). */
export function finalizableFrom(season: { endsAt: Date; graceDays: number }): Date {
  return new Date(season.endsAt.getTime() + Math.max(0, season.graceDays) * 86_400_000);
}
