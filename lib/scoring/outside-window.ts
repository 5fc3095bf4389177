import type { AwardPullRequest, AwardSeason, AwardTask } from "./awards";
import type { OutcomeDetail } from "./outcomes";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The data of an `outside-window` outcome: by how many days (rounded up) the merge missed the window, and whether
 * the grace period applied to it (a PR or task opened, or the task picked up, inside the window). Pure.
 */
export function outsideWindow(pr: AwardPullRequest, season: AwardSeason, task: AwardTask | null): Extract<OutcomeDetail, { outcome: "outside-window" }> {
  const merged = pr.mergedAt!.getTime();
  const start = season.startsAt.getTime();
  const end = season.endsAt.getTime();
  const graceEnd = end + Math.max(0, season.graceDays) * DAY_MS;
  const inside = (d: Date | null | undefined) => d != null && d.getTime() >= start && d.getTime() <= end;
  const graceApplies = season.graceDays > 0 && (inside(task?.pickedUpAt) || inside(task?.createdAt) || inside(pr.createdAt));
  const days = (ms: number) => Math.max(0, Math.ceil(ms / DAY_MS));
  return {
    outcome: "outside-window",
    mergedAt: pr.mergedAt!,
    startsAt: season.startsAt,
    endsAt: season.endsAt,
    graceDays: season.graceDays,
    graceEndsAt: new Date(graceEnd),
    before: merged < start,
    daysBeforeStart: days(start - merged),
    daysPastEnd: days(merged - end),
    daysPastGrace: days(merged - graceEnd),
    graceApplies,
  };
}
