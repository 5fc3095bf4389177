import { getTranslations } from "next-intl/server";
import { wordsReader } from "@/app/_lib/words";
import { AwardPointsForm } from "@/app/_components/award-points-form";
import { TableHead } from "@/app/_components/table-head";
import type { PullOutcome } from "@/lib/queries/participant-pulls";
import type { getTaskDetail } from "@/lib/queries/tasks";

type Detail = NonNullable<Awaited<ReturnType<typeof getTaskDetail>>>;
/** A login as this viewer may see it: null for a hidden participant they do not see. */
export type Shown = (login: string | null, hidden: boolean) => string | null;

/** The pull requests that reference a task, each with its outcome in the reader's language; maintainers award points on each. */
export async function TaskPulls({ detail, slug, maintains, outcomes, shown }: { detail: Detail; slug: string; maintains: boolean; outcomes: PullOutcome[]; shown: Shown }) {
  const [t, c, say] = await Promise.all([getTranslations("task"), getTranslations("common"), wordsReader()]);
  const outcomeOf = new Map(outcomes.map((o) => [o.pullRequestId, o]));
  if (detail.pulls.length === 0) return <p className="muted">{t("noPulls")}</p>;
  return (
    <table className="table">
      <caption className="sr-only">{t("pullsCaption")}</caption>
      <TableHead columns={[t("pullRequest"), t("author"), t("merged"), t("outcome"), maintains && t("awardPoints")]} />
      <tbody>
        {detail.pulls.map((p) => {
          const outcome = outcomeOf.get(p.id);
          return (
            <tr key={p.id}>
              <td>
                <a href={p.url ?? "#"} rel="noopener noreferrer">
                  {p.repo}#{p.number}
                </a>{" "}
                {p.title}
              </td>
              <td data-testid="pull-author">{p.author === null ? t("deletedAccount") : (shown(p.author, p.authorHidden) ?? c("anonymous"))}</td>
              <td>{p.mergedAt ? p.mergedAt.toISOString().slice(0, 10) : t("notMerged")}</td>
              <td data-testid="pull-outcome">{outcome ? say(outcome.words) : "—"}</td>
              {maintains && (
                <td>
                  <AwardPointsForm
                    slug={slug}
                    pullRequestId={p.id}
                    label={t("points")}
                    placeholder={t("pointsPlaceholder")}
                  />
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
