import type { Words } from "@/lib/i18n/words";
import type { SeasonRules } from "@/lib/seasons/season-file";

/**
 * The pick rules (`rules.picks`, contract "Added in the second round"): how many tasks one participant holds at
 * once, a team as many as it has members when `perTeamMember` (its members' picks counted together); a pick with no
 * linked open pull request is released after `releaseAfterDays`, with a reminder a day before. Pure; the release
 * itself runs from the scheduler.
 */
export type PickHolder = {
  /** Open picks held now: the participant's, or all the team's members' when `perTeamMember` and in a team. */
  open: number;
  /** Members of the participant's team now (null: not in a team). */
  teamMembers: number | null;
};

export type PickLimit = { ok: true } | { ok: false; max: number; open: number; reason: string; words: Words };

/** How many open picks a holder may have; null: no limit. */
export function pickAllowance(rules: SeasonRules, holder: Pick<PickHolder, "teamMembers">): number | null {
  const picks = rules.picks;
  if (!picks) return null;
  return picks.perTeamMember && holder.teamMembers !== null ? picks.max * holder.teamMembers : picks.max;
}

export function checkPickLimit(rules: SeasonRules, holder: PickHolder): PickLimit {
  const max = pickAllowance(rules, holder);
  if (max === null || holder.open < max) return { ok: true };
  const team = rules.picks?.perTeamMember && holder.teamMembers !== null;
  const what = max === 1 ? "one task" : `${max} tasks`;
  const reason = team
    ? `Your team already holds ${holder.open} of its ${what} at once (one per member); finish or give one up first.`
    : `You already hold ${what === "one task" ? "a task" : what}; a participant holds at most ${what} at once. Finish or give one up first.`;
  const words: Words = { key: team ? "outcomes.rules.teamPickLimit" : "outcomes.rules.pickLimit", values: { max, open: holder.open } };
  return { ok: false, max, open: holder.open, reason, words };
}

export type OpenPick = { taskId: number; holderId: number; pickedAt: Date; hasOpenPullRequest: boolean };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Picks to release now (held `releaseAfterDays` or longer with no linked open PR) and to remind (within the last day
 * before release). Without `releaseAfterDays` nothing is stale.
 */
export function stalePicks<P extends OpenPick>(now: Date, picks: readonly P[], rules: SeasonRules): { release: P[]; remind: P[] } {
  const days = rules.picks?.releaseAfterDays;
  if (days === undefined) return { release: [], remind: [] };
  const release: P[] = [];
  const remind: P[] = [];
  for (const p of picks) {
    if (p.hasOpenPullRequest) continue;
    const due = p.pickedAt.getTime() + days * DAY_MS;
    if (now.getTime() >= due) release.push(p);
    else if (now.getTime() >= due - DAY_MS) remind.push(p);
  }
  return { release, remind };
}
