"use client";

import { useActionState } from "react";
import { FormProblems } from "@/app/_components/action-form";
import type { ActionState } from "@/lib/actions/action-result";
import type { SeasonPreview } from "@/lib/seasons/preview-seasons";
import { describeMove } from "@/lib/seasons/ranking-moves";

type Action<T> = (prev: unknown, formData: FormData) => Promise<ActionState<T>>;

function PreviewResult({ preview }: { preview: SeasonPreview }) {
  const changed = preview.changes.filter((c) => c.action !== "unchanged");
  return (
    <div data-testid="season-preview">
      <p>
        <strong>Preview — nothing was saved.</strong>{" "}
        {changed.length === 0 ? "Saving would change nothing." : changed.map((c) => `${c.slug} would be ${c.action} (${c.changes.length} change${c.changes.length === 1 ? "" : "s"})`).join("; ")}
      </p>
      {preview.moves.length === 0 ? (
        <p className="muted">No one would move in any ranking.</p>
      ) : (
        <ul>
          {preview.moves.slice(0, 100).map((m) => (
            <li key={`${m.slug}:${m.ranking}:${m.who}`}>
              {m.slug}: {describeMove(m)}
            </li>
          ))}
          {preview.moves.length > 100 && <li className="muted">… and {preview.moves.length - 100} more</li>}
        </ul>
      )}
    </div>
  );
}

/** The admin's season editor: save, or preview who would move first (the preview writes nothing). */
export function SeasonEditor({ save, preview, initial }: { save: Action<unknown>; preview: Action<SeasonPreview>; initial?: string }) {
  const [saved, saveAction, saving] = useActionState(save, null);
  const [previewed, previewAction, previewing] = useActionState(preview, null);
  const busy = saving || previewing;
  return (
    <form action={saveAction} className="action-form" data-testid="season-form">
      <textarea name="json" aria-label="Season file (JSON)" rows={initial ? 24 : 10} defaultValue={initial} style={{ width: "100%", fontFamily: "ui-monospace, monospace" }} />
      <button type="submit" className="button" disabled={busy}>
        {saving ? "…" : "Save season"}
      </button>{" "}
      <button type="submit" formAction={previewAction} className="button secondary" disabled={busy}>
        {previewing ? "…" : "Preview changes"}
      </button>
      <div aria-live="polite" className="form-result">
        {saved?.ok === true && <span className="ok">Season saved.</span>}
        <FormProblems state={saved} />
        {previewed?.ok === true && <PreviewResult preview={previewed.data} />}
        <FormProblems state={previewed} />
      </div>
    </form>
  );
}
