import { z } from "zod";
import { errorText } from "@/lib/security/redact";
import { fieldErrors } from "@/lib/util/zod-errors";

/**
 * Podium's one error type. Every refusal a user or operator can cause is a `PodiumError` with a code;
 * `describeError` below is the one place codes become the words people read (web, CLI, API).
 */
export type ErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "INVALID" | "NOT_FOUND" | "CONFLICT" | "UNKNOWN";

export class PodiumError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Field path → what is wrong with it, for forms and the CLI. */
    readonly fields?: Record<string, string>,
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

export class NotFoundError extends PodiumError {
  constructor(readonly what: string) {
    super("NOT_FOUND", `${what} not found`);
  }
}

/** A domain rule refused the change (a gate, a task already held…); the message is for the user. */
export class RuleError extends PodiumError {
  constructor(message: string) {
    super("CONFLICT", message);
  }
}

/** Why a pick-up was refused (contract: picks, stops, gates, a team's difficulties); the message is for the participant. */
export type PickRule = "pick-limit" | "stopped" | "gate" | "team-difficulty";

export class PickRefusedError extends RuleError {
  constructor(
    readonly rule: PickRule,
    message: string,
  ) {
    super(message);
  }
}

/** Input that fails validation, with the field paths; the message is for the user. */
export class InvalidInputError extends PodiumError {
  constructor(message: string, fields: Record<string, string>) {
    super("INVALID", message, fields);
  }
}

export type DescribedError = { code: ErrorCode; message: string; fields?: Record<string, string>; rule?: PickRule };

const GENERIC = "Something went wrong; nothing was changed. Please try again.";

/** The words a person reads for an error; anything unexpected is logged and shown as a generic failure, never raw. */
export function describeError(error: unknown): DescribedError {
  if (error instanceof z.ZodError) return { code: "INVALID", message: "Some fields are not valid.", fields: fieldErrors(error) };
  if (!(error instanceof PodiumError)) {
    // Logged for the operator with secrets and a failed query's parameters blanked (lib/security/redact).
    console.error(`podium: unexpected failure: ${errorText(error, { stack: true })}`);
    return { code: "UNKNOWN", message: GENERIC };
  }
  switch (error.code) {
    case "UNAUTHENTICATED":
      return { code: error.code, message: "Sign in first." };
    case "FORBIDDEN":
      return { code: error.code, message: "You are not allowed to do this." };
    case "NOT_FOUND":
      return { code: error.code, message: error instanceof NotFoundError ? `Not found: ${error.what}.` : error.message };
    default:
      return { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}), ...(error instanceof PickRefusedError ? { rule: error.rule } : {}) };
  }
}
