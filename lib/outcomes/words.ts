import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { renderWords, seasonDay, words, type WordValue, type Words } from "@/lib/i18n/words";
import type { OutcomeDetail, PrDecision } from "@/lib/scoring/outcomes";

/**
 * How to name what a decision refers to by id (tasks and pull requests as `owner/repo#N`, people by login; a name
 * not found, or a hidden participant, as words of the catalogue: `outcomes.names.*`, `common.anonymous`).
 */
export type OutcomeNames = {
  task: (id: number) => WordValue;
  pullRequest: (id: number) => WordValue;
  person: (id: number | null) => WordValue;
  /** The season's zone, for dates. */
  timeZone: string;
};

/** `May 30, 2020` in the season's zone (an IANA name, or a fixed offset like `+08:00`); `2020年5月30日` in zh-CN. */
export function seasonDate(at: Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return seasonDay(at, timeZone, locale);
}

function outsideWindow(d: Extract<OutcomeDetail, { outcome: "outside-window" }>, timeZone: string): Words {
  if (d.before) return words("outcomes.outsideBefore", { days: d.daysBeforeStart, date: { day: d.startsAt, timeZone } });
  if (d.graceDays > 0 && d.graceApplies) return words("outcomes.outsideGrace", { days: d.daysPastGrace, date: { day: d.graceEndsAt, timeZone } });
  const why = d.graceDays > 0 ? words("outcomes.outsideGraceWhy", { grace: d.graceDays }) : "";
  return words("outcomes.outsideEnd", { days: d.daysPastEnd, date: { day: d.endsAt, timeZone }, why });
}

/**
 * What a participant reads for one pull request's outcome, as a catalogue key and its arguments (`outcomes.*`) —
 * the same on the profile, the task page, the API (`detail`, in English) and the bot's comment (the season's
 * language). Pure: every fact comes from the decision.
 */
export function outcomeWords(d: PrDecision, names: OutcomeNames): Words {
  switch (d.outcome) {
    case "scored":
      return d.taskId === null ? words("outcomes.scored", { points: d.points }) : words("outcomes.scoredTask", { points: d.points, task: names.task(d.taskId) });
    case "capped":
      return d.counted === 0 ? words("outcomes.cappedNone", { of: d.of }) : words("outcomes.capped", { counted: d.counted, of: d.of });
    case "stopped":
      return words("outcomes.stopped", { line: d.lineWords, have: d.have });
    case "outside-window":
      return outsideWindow(d, names.timeZone);
    case "no-task":
      return words("outcomes.noTask");
    case "not-a-task":
      return words("outcomes.notATask");
    case "needs-score":
      return words("outcomes.needsScore", { task: names.task(d.taskId) });
    case "held-by-other":
      return words("outcomes.heldByOther", { task: names.task(d.taskId), holder: names.person(d.holderId) });
    case "gate":
      return d.kind === "team-difficulty"
        ? words("outcomes.gateTeam", { allowed: (d.allowed ?? []).join(", "), task: names.task(d.taskId) })
        : words("outcomes.gate", { line: d.lineWords, needed: d.needed !== null ? words("outcomes.gateNeeded", { needed: d.needed }) : "" });
    case "already-paid":
      return words("outcomes.alreadyPaid", { task: names.task(d.taskId), pullRequest: names.pullRequest(d.paidPullRequestId) });
    case "excluded":
      return words("outcomes.excluded", { login: d.login });
    case "bot":
      return words("outcomes.bot");
    case "void":
      return words("outcomes.void", { label: d.label });
    case "revoked":
      return words("outcomes.revoked", { actor: names.person(d.actorId), reason: d.reason });
    case "pending":
      return words("outcomes.pending");
  }
}

/** The outcome's sentence in a language (English by default: the API's `detail`). */
export function describeOutcome(d: PrDecision, names: OutcomeNames, locale: Locale = DEFAULT_LOCALE): string {
  return renderWords(outcomeWords(d, names), locale);
}
