import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, type Locale } from "./locale";
import { messagesOf } from "./messages";

/**
 * A sentence as data (#19): a catalogue key (its full path, `outcomes.scored`) and its arguments. Pure domain code
 * (outcomes, gates, stops, refusals) says what happened this way; the words are looked up in the reader's language
 * at the edge (`renderWords`). An argument may itself be words (a gate's line inside an outcome) or a date in a
 * season's zone.
 */
export type Words = { key: string; values?: Record<string, WordValue> };
export type WordValue = string | number | Words | SeasonDay | Difficulty;
/** A season's difficulty: the catalogue's name for it when it has one (`common.easy`), else as the season spells it. */
export type Difficulty = { difficulty: string; capital?: boolean };
/** A day in a season's zone (an IANA name, or a fixed offset like `+08:00`), written per locale. */
export type SeasonDay = { day: Date; timeZone: string };

export const words = (key: string, values?: Record<string, WordValue>): Words => (values ? { key, values } : { key });

const isWords = (v: WordValue): v is Words => typeof v === "object" && "key" in v;

const KNOWN_DIFFICULTIES = new Set(["easy", "medium", "hard"]);

function difficultyName(d: Difficulty, locale: Locale): string {
  const name = KNOWN_DIFFICULTIES.has(d.difficulty.toLowerCase()) ? translator(locale)(`common.${d.difficulty.toLowerCase()}`) : d.difficulty;
  return d.capital ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

function valueText(v: WordValue, locale: Locale): string | number {
  if (typeof v !== "object") return v;
  if (isWords(v)) return renderWords(v, locale);
  if ("difficulty" in v) return difficultyName(v, locale);
  return seasonDay(v.day, v.timeZone, locale);
}

type Translate = (key: string, values?: Record<string, string | number>) => string;
const translators = new Map<Locale, Translate>();

function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: messagesOf(locale) }) as unknown as Translate;
    translators.set(locale, t);
  }
  return t;
}

/** `May 30, 2020` / `2020年5月30日` in the season's zone. */
export function seasonDay(at: Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  const offset = /^([+-])(\d{2}):(\d{2})$/.exec(timeZone);
  const shifted = offset ? new Date(at.getTime() + (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000) : at;
  return new Intl.DateTimeFormat(locale, { month: "long", day: "numeric", year: "numeric", timeZone: offset ? "UTC" : timeZone }).format(shifted);
}

/** The words in a language: nested words and days first, then the message of the catalogue. */
export function renderWords(w: Words, locale: Locale = DEFAULT_LOCALE): string {
  const values: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(w.values ?? {})) values[name] = valueText(v, locale);
  return translator(locale)(w.key, values);
}
