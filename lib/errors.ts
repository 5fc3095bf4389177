import { z } from "zod";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { flatten, type Catalogue } from "@/lib/i18n/catalogue-check";
import { messagesOf } from "@/lib/i18n/messages";
import { renderWords, words as w, type Words } from "@/lib/i18n/words";
import { errorText } from "@/lib/security/redact";
import { fieldErrors } from "@/lib/util/zod-errors";
import { zodBuiltInMessage } from "@/lib/i18n/zod-messages";

/**
 * Podium's one error type. Every refusal a user or operator can cause is a `PodiumError` with a code;
 * `describeError` below is the one place codes become the words people read (web, CLI, API). `message` is English
 * (the CLI, logs); `words`, when given, is the same sentence for the catalogue (`errors.*`), so a page shows it in
 * the reader's language.
 */
export type ErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "INVALID" | "NOT_FOUND" | "CONFLICT" | "UNKNOWN";

export class PodiumError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Field path → what is wrong with it, for forms and the CLI. */
    readonly fields?: Record<string, string>,
    readonly words?: Words,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends PodiumError {
  constructor() {
    super("UNAUTHENTICATED", "sign in first");
  }
}

export class ForbiddenError extends PodiumError {
  constructor(readonly permission: string) {
    super("FORBIDDEN", `forbidden: ${permission}`);
  }
}

/** What `NotFoundError` names and the catalogue has a word for (`errors.what.*`); anything else is shown as given. */
const KNOWN_WHAT = new Set(["task", "season", "pull request", "ledger entry", "participant"]);

export class NotFoundError extends PodiumError {
  constructor(readonly what: string) {
    super("NOT_FOUND", `${what} not found`);
  }
}

/** A domain rule refused the change (a gate, a task already held…); the message is for the user, `words` the same in the catalogue. */
export class RuleError extends PodiumError {
  constructor(message: string, words?: Words) {
    super("CONFLICT", message, undefined, words);
  }
}

/** Why a pick-up was refused (contract: picks, stops, gates, a team's difficulties); the message is for the participant. */
export type PickRule = "pick-limit" | "stopped" | "gate" | "team-difficulty";

export class PickRefusedError extends RuleError {
  constructor(
    readonly rule: PickRule,
    message: string,
    words?: Words,
  ) {
    super(message, words);
  }
}

/** Input that fails validation, with the field paths; the message is for the user. */
export class InvalidInputError extends PodiumError {
  constructor(
    message: string,
    fields: Record<string, string>,
    words?: Words,
    /** The schema's issues the fields came from (no input in them), so zod's own messages can be worded per locale. */
    readonly issues?: readonly z.core.$ZodIssue[],
  ) {
    super("INVALID", message, fields, words);
  }
}

export type DescribedError = { code: ErrorCode; message: string; fields?: Record<string, string>; labels?: Record<string, string>; rule?: PickRule };

/**
 * The names forms show in front of field messages (`原因: …`), for the fields the catalogue names
 * (`errors.fieldName.*`); only outside English, where the field's own name is the label.
 */
function fieldLabels(fields: Record<string, string> | undefined, locale: Locale): { labels?: Record<string, string> } {
  if (!fields || locale === DEFAULT_LOCALE) return {};
  const known = (messagesOf(DEFAULT_LOCALE).errors.fieldName ?? {}) as Record<string, string>;
  const labels = Object.fromEntries(Object.keys(fields).filter((f) => Object.hasOwn(known, f)).map((f) => [f, renderWords(w(`errors.fieldName.${f}`), locale)]));
  return Object.keys(labels).length > 0 ? { labels } : {};
}

type FieldPattern = { key: string; pattern: RegExp; names: string[] };
let fieldPatterns: { exact: Map<string, string>; templates: FieldPattern[] } | undefined;

/**
 * The English field messages of the catalogue (`errors.field.*`): a text without arguments matches exactly; one
 * with `{name}` arguments (`at most {max} characters`) matches any text of that shape and passes what stood there on.
 */
function fieldCatalogue() {
  if (fieldPatterns) return fieldPatterns;
  const exact = new Map<string, string>();
  const templates: FieldPattern[] = [];
  for (const [key, text] of flatten((messagesOf(DEFAULT_LOCALE).errors.field ?? {}) as Catalogue, "errors.field.")) {
    const names = [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    if (names.length === 0) exact.set(text, key);
    else templates.push({ key, names, pattern: new RegExp(`^${text.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("(.+?)")}$`) });
  }
  return (fieldPatterns = { exact, templates });
}

/** A field's message as the schema wrote it, in the locale when the catalogue has it (`errors.field.*`); else as written. */
function fieldMessage(message: string, locale: Locale): string {
  const { exact, templates } = fieldCatalogue();
  const key = exact.get(message);
  if (key) return renderWords(w(key), locale);
  for (const t of templates) {
    const m = t.pattern.exec(message);
    if (m) return renderWords(w(t.key, Object.fromEntries(t.names.map((name, i) => [name, m[i + 1]!]))), locale);
  }
  return message;
}

function fieldWords(fields: Record<string, string>, locale: Locale): Record<string, string> {
  if (locale === DEFAULT_LOCALE) return fields;
  return Object.fromEntries(Object.entries(fields).map(([field, message]) => [field, fieldMessage(message, locale)]));
}

/** A schema's issues as field messages in the locale: zod's own messages by zod's locale, custom ones by the catalogue. */
function issueWords(issues: readonly z.core.$ZodIssue[], locale: Locale): Record<string, string> {
  if (locale === DEFAULT_LOCALE) return fieldErrors({ issues });
  return fieldErrors({ issues }, (issue) => zodBuiltInMessage(issue, locale) ?? fieldMessage(issue.message, locale));
}

/**
 * The words a person reads for an error, in a locale (English by default: the CLI; pages and forms pass the
 * request's); anything unexpected is logged and shown as a generic failure, never raw. A refusal without catalogue
 * words keeps its English message.
 */
export function describeError(error: unknown, locale: Locale = DEFAULT_LOCALE): DescribedError {
  const say = (key: string, values?: Parameters<typeof w>[1]) => renderWords(w(key, values), locale);
  if (error instanceof z.ZodError) {
    const fields = issueWords(error.issues, locale);
    return { code: "INVALID", message: say("errors.invalid"), fields, ...fieldLabels(fields, locale) };
  }
  if (!(error instanceof PodiumError)) {
    // Logged for the operator with secrets and a failed query's parameters blanked (lib/security/redact).
    console.error(`podium: unexpected failure: ${errorText(error, { stack: true })}`);
    return { code: "UNKNOWN", message: say("errors.generic") };
  }
  switch (error.code) {
    case "UNAUTHENTICATED":
      return { code: error.code, message: say("errors.unauthenticated") };
    case "FORBIDDEN":
      return { code: error.code, message: say("errors.forbidden") };
    case "NOT_FOUND":
      if (!(error instanceof NotFoundError)) return { code: error.code, message: error.words ? renderWords(error.words, locale) : error.message };
      return { code: error.code, message: say("errors.notFound", { what: KNOWN_WHAT.has(error.what) ? w(`errors.what.${error.what}`) : error.what }) };
    default: {
      const message = error.words ? renderWords(error.words, locale) : error.code === "INVALID" && error.message === "Some fields are not valid." ? say("errors.invalid") : error.message;
      const fields = error instanceof InvalidInputError && error.issues ? { fields: issueWords(error.issues, locale) } : error.fields ? { fields: fieldWords(error.fields, locale) } : {};
      return { code: error.code, message, ...fields, ...fieldLabels(error.fields, locale), ...(error instanceof PickRefusedError ? { rule: error.rule } : {}) };
    }
  }
}
