import { COMMAND_SPELLING, type ParsedCommand } from "./parse-command";

/**
 * What the bot says on GitHub, as pure functions of what happened. Every comment ends with a hidden marker naming
 * its key (`<!-- podium:KEY -->`): the bot's own comments are never read as commands, and a retry finds a comment
 * it already posted.
 */
export const marker = (key: string): string => `<!-- podium:${key} -->`;

const withMarker = (key: string, text: string): string => `${text}\n\n${marker(key)}`;

export type TaskFacts = { difficulty: string | null; score: number | null; releaseAfterDays: number | null };

function taskWords(t: TaskFacts): string {
  const parts = [t.difficulty, t.score === null ? null : `${t.score} points`].filter((x): x is string => x !== null);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

export function pickedUpReply(key: string, login: string, task: TaskFacts): string {
  const release = task.releaseAfterDays === null ? "" : ` Link a pull request within ${task.releaseAfterDays} days, or the task is released for others.`;
  return withMarker(key, `@${login} picked up this task${taskWords(task)}.${release} To give it back, comment \`${COMMAND_SPELLING["give-up"]}\`.`);
}

export function refusedReply(key: string, login: string, verb: "pick-up" | "give-up", reason: string): string {
  const what = verb === "pick-up" ? "could not pick up this task" : "could not give this task back";
  return withMarker(key, `@${login} ${what}: ${reason}`);
}

export function releasedReply(key: string, login: string): string {
  return withMarker(key, `@${login} gave this task back; it is open for anyone to pick up with \`${COMMAND_SPELLING["pick-up"]}\`.`);
}

export function unclearReply(key: string, login: string, parsed: Extract<ParsedCommand, { kind: "unclear" }>): string {
  const spelled = COMMAND_SPELLING[parsed.meant];
  const why = parsed.why === "no-slash" ? "without its slash" : "spelled differently";
  const act = parsed.meant === "pick-up" ? "pick up this task" : "give this task back";
  return withMarker(key, `@${login} I read \`${parsed.written}\` as \`${spelled}\` ${why}, so I did nothing. To ${act}, comment \`${spelled}\` on a line of its own.`);
}

export function reminderReply(key: string, login: string, releaseAt: Date): string {
  return withMarker(key, `@${login} this task is released on ${releaseAt.toISOString().slice(0, 16).replace("T", " ")} UTC unless a pull request that references it is open by then. Still on it? Open a draft pull request that says \`Close #…\`; done with it? Comment \`${COMMAND_SPELLING["give-up"]}\`.`);
}

export function staleReleasedReply(key: string, login: string, days: number): string {
  return withMarker(key, `@${login} held this task for ${days} days with no open pull request, so it is released and open for anyone to pick up with \`${COMMAND_SPELLING["pick-up"]}\`.`);
}

export function outcomeReply(key: string, login: string, text: string, profileUrl: string): string {
  return withMarker(key, `@${login} ${text} Your season so far: ${profileUrl}`);
}
