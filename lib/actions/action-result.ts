import { z } from "zod";
import { UnauthenticatedError } from "@/lib/auth/guard";
import { ForbiddenError } from "@/lib/auth/permissions";
import { SyncInProgressError } from "@/lib/sync/run-lock";
import { NotFoundError, RuleError } from "@/lib/tools/context";
import { SeasonFileError } from "@/lib/tools/save-season";
import { fieldErrors } from "@/lib/util/zod-errors";
import { errorText } from "@/lib/security/redact";

/** What every server action returns, shaped for `useActionState`. */
export type ActionState<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; code: ErrorCode; fieldErrors?: Record<string, string> };

export type ErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "INVALID" | "NOT_FOUND" | "CONFLICT" | "UNKNOWN";

export class ActionError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ActionError";
  }
}

/** Typed errors become user messages; anything else is logged and shown as a generic failure, never raw. */
export function toActionError(error: unknown): Extract<ActionState, { ok: false }> {
  if (error instanceof UnauthenticatedError) return { ok: false, code: "UNAUTHENTICATED", error: "Sign in first." };
  if (error instanceof ForbiddenError) return { ok: false, code: "FORBIDDEN", error: "You are not allowed to do this." };
  if (error instanceof z.ZodError) return { ok: false, code: "INVALID", error: "Some fields are not valid.", fieldErrors: fieldErrors(error) };
  if (error instanceof SyncInProgressError) return { ok: false, code: "CONFLICT", error: "A sync is already running; it will finish on its own." };
  if (error instanceof ActionError) return { ok: false, code: error.code, error: error.message };
  if (error instanceof NotFoundError) return { ok: false, code: "NOT_FOUND", error: `Not found: ${error.message.replace(/ not found$/, "")}.` };
  if (error instanceof RuleError) return { ok: false, code: "CONFLICT", error: error.message };
  if (error instanceof SeasonFileError) return { ok: false, code: "INVALID", error: error.message, fieldErrors: error.fields };
  console.error(`podium: action failed: ${errorText(error, { stack: true })}`);
  return { ok: false, code: "UNKNOWN", error: "Something went wrong; nothing was changed. Please try again." };
}
