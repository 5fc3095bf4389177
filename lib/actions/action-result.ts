import { describeError, type ErrorCode } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locale";

/** What every server action returns, shaped for `useActionState`. */
export type ActionState<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; code: ErrorCode; fieldErrors?: Record<string, string>; fieldLabels?: Record<string, string> };

/** An error as a server action's failed state: the words come from `describeError` (in the request's locale), never raw exception text. */
export function toActionError(error: unknown, locale?: Locale): Extract<ActionState, { ok: false }> {
  const { code, message, fields, labels } = describeError(error, locale);
  return { ok: false, code, error: message, ...(fields ? { fieldErrors: fields } : {}), ...(labels ? { fieldLabels: labels } : {}) };
}
