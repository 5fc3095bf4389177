import type { RankingMove, Standing } from "./ranking-moves";

/** A translator of the `seasonEditor` namespace (next-intl's `useTranslations("seasonEditor")` or `createTranslator`). */
export type MoveTranslator = (key: "move" | "notRanked" | "unranked" | "rank", values?: Record<string, string | number>) => string;

/**
 * `describeMove` in the page's language (#19): `alice: #3 → #2, 500 → 600 points (+100)` from the catalogue's
 * `seasonEditor.move`, so the admin's preview reads in Chinese too; in English it says exactly what the CLI says. Pure.
 */
export function moveWords(t: MoveTranslator, m: RankingMove): string {
  const rank = (s: Standing | null) => (s === null ? t("notRanked") : s.rank === null ? t("unranked") : t("rank", { rank: s.rank }));
  const before = m.before?.score ?? 0;
  const after = m.after?.score ?? 0;
  const diff = after - before;
  return t("move", { team: m.ranking === "teams" ? "yes" : "no", who: m.who, before: rank(m.before), after: rank(m.after), beforePoints: before, afterPoints: after, diff: diff > 0 ? `+${diff}` : `${diff}` });
}
