"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormProblems } from "@/app/_components/action-form";
import type { ActionState } from "@/lib/actions/action-result";
import type { SeasonPreview } from "@/lib/seasons/preview-seasons";
import { moveWords } from "@/lib/seasons/move-words";

type Action<T> = (prev: unknown, formData: FormData) => Promise<ActionState<T>>;

function PreviewResult({ preview }: { preview: SeasonPreview }) {
  const t = useTranslations("seasonEditor");
  const changed = preview.changes.filter((c) => c.action !== "unchanged");
  return (
    <div data-testid="season-preview">
      <p>
        <strong>{t("previewTitle")}</strong>{" "}
        {changed.length === 0 ? t("nothingChanges") : changed.map((c) => t("wouldBe", { slug: c.slug, action: c.action, count: c.changes.length })).join("; ")}
      </p>
      {preview.moves.length === 0 ? (
        <p className="muted">{t("noMoves")}</p>
      ) : (
        <ul>
          {preview.moves.slice(0, 100).map((m) => (
            <li key={`${m.slug}:${m.ranking}:${m.who}`}>
              {m.slug}: {moveWords(t, m)}
            </li>
          ))}
          {preview.moves.length > 100 && <li className="muted">{t("more", { count: preview.moves.length - 100 })}</li>}
        </ul>
      )}
    </div>
  );
}

/**
 * The admin's season editor: save, or preview who would move first (the preview writes nothing). Its words are
 * the `seasonEditor` namespace, given by the page's NextIntlClientProvider (the preview arrives in the browser).
 */
export function SeasonEditor({ save, preview, initial }: { save: Action<unknown>; preview: Action<SeasonPreview>; initial?: string }) {
  const t = useTranslations("seasonEditor");
  const [saved, saveAction, saving] = useActionState(save, null);
  const [previewed, previewAction, previewing] = useActionState(preview, null);
  const busy = saving || previewing;
  return (
    <form action={saveAction} className="action-form" data-testid="season-form">
      <textarea name="json" aria-label={t("fileLabel")} rows={initial ? 24 : 10} defaultValue={initial} style={{ width: "100%", fontFamily: "ui-monospace, monospace" }} />
      <button type="submit" className="button" disabled={busy}>
        {saving ? "…" : t("save")}
      </button>{" "}
      <button type="submit" formAction={previewAction} className="button secondary" disabled={busy}>
        {previewing ? "…" : t("preview")}
      </button>
      <div aria-live="polite" className="form-result">
        {saved?.ok === true && <span className="ok">{t("saved")}</span>}
        <FormProblems state={saved} />
        {previewed?.ok === true && <PreviewResult preview={previewed.data} />}
        <FormProblems state={previewed} />
      </div>
    </form>
  );
}
