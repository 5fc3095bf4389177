"use client";

import { useActionState, useEffect, useId, useRef, useState, type ReactNode } from "react";
import type { ActionState } from "@/lib/actions/action-result";

type Action = (prev: unknown, formData: FormData) => Promise<ActionState<unknown>>;

/**
 * A form bound to a server action: pending state, the result message, and field errors by name. `done`, when
 * given, is shown on success instead of the action's own message (the page translates it on the server, #19):
 * the one this form had when it was sent, since the refreshed page may put another form (say Reopen after
 * Finalize) in its place, which React keeps as this one, with its state.
 */
export function ActionForm({ action, children, submit, done, className, testId }: { action: Action; children?: ReactNode; submit: string; done?: string; className?: string; testId?: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  const errorId = useId();
  const [sentDone, setSentDone] = useState(done);
  // Each field the server refused is marked invalid and described by the error message (announced with it).
  useEffect(() => {
    const el = form.current;
    if (!el) return;
    const refused = state?.ok === false ? Object.keys(state.fieldErrors ?? {}) : [];
    for (const control of Array.from(el.elements)) {
      if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement) || control.type === "hidden") continue;
      const bad = refused.includes(control.name);
      control.toggleAttribute("aria-invalid", bad);
      if (bad) control.setAttribute("aria-describedby", errorId);
      else if (control.getAttribute("aria-describedby") === errorId) control.removeAttribute("aria-describedby");
    }
  }, [state, errorId]);
  return (
    <form ref={form} action={formAction} onSubmit={() => setSentDone(done)} className={className ?? "action-form"} data-testid={testId}>
      {children}
      <button type="submit" className="button" disabled={pending}>
        {pending ? "…" : submit}
      </button>
      <div aria-live="polite" className="form-result">
        {state?.ok === true && (sentDone ?? state.message) && <span className="ok">{sentDone ?? state.message}</span>}
        <FormProblems state={state} id={errorId} />
      </div>
    </form>
  );
}

/** A refused action's message and its field errors, announced to screen readers. */
export function FormProblems({ state, id }: { state: ActionState<unknown> | null; id?: string }) {
  if (state?.ok !== false) return null;
  return (
    <span role="alert" className="error" id={id}>
      {state.error}
      {state.fieldErrors &&
        Object.entries(state.fieldErrors).map(([field, message]) => (
          <span key={field} className="field-error">
            {" "}
            {state.fieldLabels?.[field] ?? field}: {message}
          </span>
        ))}
    </span>
  );
}

/**
 * The reason a maintainer gives for a change: shown in the audit log (and to participants). Its words come from
 * the server (`ReasonField` in reason-field.tsx translates them); without them, English.
 */
export function ReasonInput({ required = false, label = "Reason", placeholder }: { required?: boolean; label?: string; placeholder?: string }) {
  return <input name="reason" aria-label={label} placeholder={placeholder ?? (required ? "why (required)" : "why")} />;
}
