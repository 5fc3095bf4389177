import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, parseLocale, type Locale } from "@/lib/i18n/locale";
import { messagesOf } from "@/lib/i18n/messages";
import { COMMAND_SPELLING, type ParsedCommand } from "./parse-command";

/**
 * What the bot says on GitHub, as pure functions of what happened, in the season's language (`language` in the
 * season file; English by default) from the same catalogues as the pages (messages/*.json, namespace `bot`).
 * Every comment ends with a hidden marker naming its key (`<!-- podium:KEY -->`): the bot's own comments are
 * never read as commands, and a retry finds a comment it already posted.
 */
export const marker = (key: string): string => `<!-- podium:${key} -->`;

const withMarker = (key: string, text: string): string => `${text}\n\n${marker(key)}`;

/** The bot's words in a language: a season's `language` as stored (anything else, or none, is English). */
export function botWords(language: string | null | undefined = DEFAULT_LOCALE) {
  const locale: Locale = parseLocale(language) ?? DEFAULT_LOCALE;
  return createTranslator({ locale, messages: messagesOf(locale), namespace: "bot" });
}

export type TaskFacts = { difficulty: string | null; score: number | null; releaseAfterDays: number | null };

function taskWords(t: TaskFacts, language?: string | null): string {
  const parts = [t.difficulty, t.score === null ? null : botWords(language)("points", { score: t.score })].filter((x): x is string => x !== null);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

export function pickedUpReply(key: string, login: string, task: TaskFacts, language?: string | null): string {
  const t = botWords(language);
  const release = task.releaseAfterDays === null ? "" : t("release", { days: task.releaseAfterDays });
  return withMarker(key, t("pickedUp", { login, facts: taskWords(task, language), release, giveUp: COMMAND_SPELLING["give-up"] }));
}

export function refusedReply(key: string, login: string, verb: "pick-up" | "give-up", reason: string, language?: string | null): string {
  return withMarker(key, botWords(language)(verb === "pick-up" ? "refusedPickUp" : "refusedGiveUp", { login, reason }));
}

export function releasedReply(key: string, login: string, language?: string | null): string {
  return withMarker(key, botWords(language)("released", { login, pickUp: COMMAND_SPELLING["pick-up"] }));
}

export function unclearReply(key: string, login: string, parsed: Extract<ParsedCommand, { kind: "unclear" }>, language?: string | null): string {
  const t = botWords(language);
  const spelled = COMMAND_SPELLING[parsed.meant];
  const why = t(parsed.why === "no-slash" ? "unclearNoSlash" : "unclearSpelling");
  const act = t(parsed.meant === "pick-up" ? "unclearPickUp" : "unclearGiveUp");
  return withMarker(key, t("unclear", { login, written: parsed.written, spelled, why, act }));
}

export function reminderReply(key: string, login: string, releaseAt: Date, language?: string | null): string {
  const when = releaseAt.toISOString().slice(0, 16).replace("T", " ");
  return withMarker(key, botWords(language)("reminder", { login, when, giveUp: COMMAND_SPELLING["give-up"] }));
}

export function staleReleasedReply(key: string, login: string, days: number, language?: string | null): string {
  return withMarker(key, botWords(language)("staleReleased", { login, days, pickUp: COMMAND_SPELLING["pick-up"] }));
}

export function outcomeReply(key: string, login: string, text: string, profileUrl: string, language?: string | null): string {
  return withMarker(key, botWords(language)("outcome", { login, text, url: profileUrl }));
}
