import { describeError, type ErrorCode } from "@/lib/errors";

/** What every server action returns, shaped for `useActionState`. */
export type ActionState<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; code: ErrorCode; fieldErrors?: Record<string, string> };

/** An error as a server action's failed state: the words come from `describeError`, never raw exception text. */
export function toActionError(error: unknown): Extract<ActionState, { ok: false }> {
  const { code, message, fields } = describeError(error);
  return { ok: false, code, error: message, ...(fields ? { fieldErrors: fields } : {}) };
}
