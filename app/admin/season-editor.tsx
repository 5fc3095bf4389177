"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormProblems } from "@/app/_components/action-form";
import type { ActionState } from "@/lib/actions/action-result";
import type { SeasonPreview } from "@/lib/seasons/preview-seasons";
import type { RankingMove, Standing } from "@/lib/seasons/ranking-moves";

type Action<T> = (prev: unknown, formData: FormData) => Promise<ActionState<T>>;
type Translate = ReturnType<typeof useTranslations<"seasonEditor">>;

/** `alice: #3 → #2, 500 → 600 points (+100)` in the page's language (the CLI's `describeMove` says it in English). */
function moveText(t: Translate, m: RankingMove): string {
  const rank = (s: Standing | null) => (s === null ? t("notRanked") : s.rank === null ? t("unranked") : t("rank", { rank: s.rank }));
  const before = m.before?.score ?? 0;
  const after = m.after?.score ?? 0;
  const diff = after - before;
  return t("move", { team: m.ranking === "teams" ? "yes" : "no", who: m.who, before: rank(m.before), after: rank(m.after), beforePoints: before, afterPoints: after, diff: diff > 0 ? `+${diff}` : `${diff}` });
}

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
              {m.slug}: {moveText(t, m)}
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
