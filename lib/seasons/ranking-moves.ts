/** One row of a ranking, before or after a change. */
export type Standing = { rank: number | null; score: number };
export type RankingMove = { slug: string; ranking: "individuals" | "teams"; who: string; before: Standing | null; after: Standing | null };

/**
 * Who would move, and how: every row whose rank or score differs between two rankings (keyed by login or
 * team name, case-insensitively), the biggest point changes first, then by name. Pure.
 */
export function rankingMoves(slug: string, ranking: RankingMove["ranking"], before: Map<string, Standing & { name: string }>, after: Map<string, Standing & { name: string }>): RankingMove[] {
  const out: RankingMove[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(key) ?? null;
    const a = after.get(key) ?? null;
    if (b && a && b.rank === a.rank && b.score === a.score) continue;
    const standing = (s: (Standing & { name: string }) | null) => (s ? { rank: s.rank, score: s.score } : null);
    out.push({ slug, ranking, who: (a ?? b)!.name, before: standing(b), after: standing(a) });
  }
  const delta = (m: RankingMove) => Math.abs((m.after?.score ?? 0) - (m.before?.score ?? 0));
  return out.sort((x, y) => delta(y) - delta(x) || x.who.localeCompare(y.who));
}

const rankText = (s: Standing | null) => (s === null ? "not ranked" : s.rank === null ? "unranked" : `#${s.rank}`);

/** `alice: #3 → #2, 500 → 600 points (+100)`. */
export function describeMove(m: RankingMove): string {
  const before = m.before?.score ?? 0;
  const after = m.after?.score ?? 0;
  const diff = after - before;
  const sign = diff > 0 ? `+${diff}` : `${diff}`;
  const team = m.ranking === "teams" ? "team " : "";
  return `${team}${m.who}: ${rankText(m.before)} → ${rankText(m.after)}, ${before} → ${after} points (${sign})`;
}
