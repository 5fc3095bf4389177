import { markTaskAction } from "@/app/_actions/mark-task";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/app/_components/action-form";
import { ReasonField } from "@/app/_components/reason-field";

/**
 * For maintainers: mark any issue of a repository they maintain as a task (or an umbrella, paying its points for
 * each merged PR that references it), even without the season's task label.
 */
export function MarkIssueForm({ slug, repos, difficulties }: { slug: string; repos: string[]; difficulties: string[] }) {
  const t = useTranslations("markTask");
  return (
    <details className="card" data-testid="mark-issue">
      <summary>{t("summary")}</summary>
      <ActionForm action={markTaskAction} submit={t("submit")} testId="mark-form">
        <input type="hidden" name="season" value={slug} />
        <select name="repo" aria-label={t("repository")} defaultValue={repos[0]}>
          {repos.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <input name="number" type="number" min={1} step={1} aria-label={t("issueNumber")} placeholder={t("issuePlaceholder")} required style={{ width: "7rem" }} />
        <select name="kind" aria-label={t("kind")} defaultValue="task">
          <option value="task">{t("kindTask")}</option>
          <option value="umbrella">{t("kindUmbrella")}</option>
        </select>
        <input name="points" type="number" min={0} step={1} aria-label={t("points")} placeholder={t("pointsPlaceholder")} style={{ width: "9rem" }} />
        <select name="difficulty" aria-label={t("difficulty")} defaultValue="">
          <option value="">{t("difficultyFromIssue")}</option>
          {difficulties.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <ReasonField required />
      </ActionForm>
      <p className="muted">{t("help")}</p>
    </details>
  );
}
