"use client";

import { useActionState, type ReactNode } from "react";
import type { ActionState } from "@/lib/actions/action-result";

type Action = (prev: unknown, formData: FormData) => Promise<ActionState<unknown>>;

/** A form bound to a server action: pending state, the result message, and field errors by name. */
export function ActionForm({ action, children, submit, className, testId }: { action: Action; children?: ReactNode; submit: string; className?: string; testId?: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={className ?? "action-form"} data-testid={testId}>
      {children}
      <button type="submit" className="button" disabled={pending}>
        {pending ? "…" : submit}
      </button>
      <div aria-live="polite" className="form-result">
        {state?.ok === true && state.message && <span className="ok">{state.message}</span>}
        <FormProblems state={state} />
      </div>
    </form>
  );
}

/** A refused action's message and its field errors, announced to screen readers. */
export function FormProblems({ state }: { state: ActionState<unknown> | null }) {
  if (state?.ok !== false) return null;
  return (
    <span role="alert" className="error">
      {state.error}
      {state.fieldErrors &&
        Object.entries(state.fieldErrors).map(([field, message]) => (
          <span key={field} className="field-error">
            {" "}
            {field}: {message}
          </span>
        ))}
    </span>
  );
}

/** The reason a maintainer gives for a change: shown in the audit log (and to participants). */
export function ReasonInput({ required = false }: { required?: boolean }) {
  return <input name="reason" aria-label="Reason" placeholder={required ? "why (required)" : "why"} />;
}
