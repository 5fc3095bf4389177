import type { OutcomeDetail, PrDecision } from "@/lib/scoring/outcomes";

/** How to name what a decision refers to by id (tasks and pull requests as `owner/repo#N`, people by login). */
export type OutcomeNames = {
  task: (id: number) => string;
  pullRequest: (id: number) => string;
  person: (id: number | null) => string;
  /** The season's zone, for dates. */
  timeZone: string;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `May 30, 2020` in the season's zone (an IANA name, or a fixed offset like `+08:00`). */
export function seasonDate(at: Date, timeZone: string): string {
  const offset = /^([+-])(\d{2}):(\d{2})$/.exec(timeZone);
  const shifted = offset ? new Date(at.getTime() + (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000) : at;
  return new Intl.DateTimeFormat("en", { month: "long", day: "numeric", year: "numeric", timeZone: offset ? "UTC" : timeZone }).format(shifted);
}

function outsideWindow(d: Extract<OutcomeDetail, { outcome: "outside-window" }>, tz: string): string {
  if (d.before) return `Merged ${plural(d.daysBeforeStart, "day")} before the season started on ${seasonDate(d.startsAt, tz)}.`;
  if (d.graceDays > 0 && d.graceApplies) return `Merged ${plural(d.daysPastGrace, "day")} after the season's grace period ended on ${seasonDate(d.graceEndsAt, tz)}.`;
  const why = d.graceDays > 0 ? ` The ${plural(d.graceDays, "day")} of grace count only for a pull request opened, or a task picked up, inside the season.` : "";
  return `Merged ${plural(d.daysPastEnd, "day")} after the season ended on ${seasonDate(d.endsAt, tz)}.${why}`;
}

/**
 * The sentence a participant reads for one pull request's outcome — the same words on the profile, the task
 * page, the API (`detail`) and the bot's comment. Pure: every fact comes from the decision.
 */
export function describeOutcome(d: PrDecision, names: OutcomeNames): string {
  switch (d.outcome) {
    case "scored":
      return d.taskId === null ? `Earned ${plural(d.points, "point")}.` : `Earned ${plural(d.points, "point")} for ${names.task(d.taskId)}.`;
    case "capped":
      return d.counted === 0
        ? `Earned nothing more: the season's caps were already reached (${plural(d.of, "point")} awarded, none counted).`
        : `Counted ${d.counted} of its ${plural(d.of, "point")}: the season's caps let no more count.`;
    case "stopped":
      return `Earned nothing: ${d.line} (you had ${plural(d.have, "point")}).`;
    case "outside-window":
      return outsideWindow(d, names.timeZone);
    case "no-task":
      return "References no task of this season: write “Fixes #N” (or the task's link) in the description to link it.";
    case "not-a-task":
      return "References an issue that is not a task of this season; a maintainer may mark it as one.";
    case "needs-score":
      return `${names.task(d.taskId)} has no score yet; it counts once a maintainer sets one.`;
    case "held-by-other":
      return `${names.task(d.taskId)} is held by ${names.person(d.holderId)}: only the holder's pull request earns it.`;
    case "gate":
      return d.kind === "team-difficulty"
        ? `Earned nothing: your team may take only ${(d.allowed ?? []).join(", ")} tasks, and ${names.task(d.taskId)} is not one.`
        : `Earned nothing: ${d.line}${d.needed !== null ? ` — ${plural(d.needed, "more point")} were needed when it merged` : ""}.`;
    case "already-paid":
      return `${names.task(d.taskId)} was already paid to ${names.pullRequest(d.paidPullRequestId)}.`;
    case "excluded":
      return `${d.login} is excluded from scoring in this season.`;
    case "bot":
      return "Bots do not score.";
    case "void":
      return `Earned nothing: the maintainers labelled it “${d.label}”.`;
    case "revoked":
      return `Revoked by ${names.person(d.actorId)}: ${d.reason}`;
    case "pending":
      return "Still open: it is scored when it is merged.";
  }
}
