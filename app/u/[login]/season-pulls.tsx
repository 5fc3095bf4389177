import { getTranslations } from "next-intl/server";
import { openAppealAction } from "@/app/_actions/open-appeal";
import { wordsReader } from "@/app/_lib/words";
import { TableScroll } from "@/app/_components/table-scroll";
import { ActionForm } from "@/app/_components/action-form";
import { TableHead } from "@/app/_components/table-head";
import { getDb } from "@/db";
import { currentViewer } from "@/lib/auth";
import { participantPulls, type PullOutcome } from "@/lib/queries/participant-pulls";

/**
 * A season's pull requests of a participant, each with its outcome in plain words in the reader's language (the
 * same sentence as the API's `detail`, which is English, and the bot's comment); `?pulls=unscored` keeps those that
 * earned nothing. The owner may appeal a merged one.
 */
export async function SeasonPulls({ login, slug, unscoredOnly, heading }: { login: string; slug: string; unscoredOnly: boolean; heading?: string }) {
  const viewer = await currentViewer();
  const [all, t, say] = await Promise.all([participantPulls(await getDb(), login, slug, viewer), getTranslations("outcomes"), wordsReader()]);
  const points = (await getTranslations("common"))("points");
  if (!all || all.length === 0) return null;
  const owner = viewer?.login.toLowerCase() === login.toLowerCase();
  const rows = unscoredOnly ? all.filter((p) => p.points === 0) : all;
  const notScored = all.filter((p) => p.points === 0).length;
  const view = (
    <details className="season-pulls" data-testid="season-pulls" open>
      <summary>
        {t("pulls.summary", { all: all.length, notScored })}{" "}
        {unscoredOnly ? <a href={`/u/${login}?pulls=all#pulls-${slug}`}>{t("pulls.showAll")}</a> : <a href={`/u/${login}?pulls=unscored#pulls-${slug}`}>{t("pulls.onlyUnscored")}</a>}
      </summary>
      <TableScroll label={t("pulls.region", { login })}>
<table className="table" id={`pulls-${slug}`}>
        <caption>{t("pulls.caption", { login })}</caption>
        <TableHead columns={[t("pulls.pullRequest"), t("pulls.outcome"), { label: points, num: true }, owner && t("pulls.appeal")]} />
        <tbody>
          {rows.map((p) => (
            <tr key={p.pullRequestId} data-outcome={p.outcome}>
              <td>
                <span className="muted">
                  {p.repo}#{p.number}
                </span>{" "}
                {p.title}
              </td>
              <td>
                <strong>{t(`label.${p.outcome}`)}</strong>: {say(p.words)}
                {p.appeal && <AppealLine appeal={p.appeal} t={t} />}
              </td>
              <td className="num">{p.points}</td>
              {owner && (
                <td>
                  {p.mergedAt && p.points === 0 && p.outcome !== "bot" && p.appeal?.status !== "open" ? (
                    <ActionForm action={openAppealAction} submit={t("pulls.appeal")}>
                      <input type="hidden" name="season" value={slug} />
                      <input type="hidden" name="pullRequestId" value={p.pullRequestId} />
                      <input name="message" aria-label={t("pulls.appealWhy", { pr: `${p.repo}#${p.number}` })} placeholder={t("pulls.appealPlaceholder")} />
                    </ActionForm>
                  ) : null}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
</TableScroll>
    </details>
  );
  if (!heading) return view;
  return (
    <section data-testid="profile-season-pulls-only">
      <h2>
        <a href={`/seasons/${slug}`}>{heading}</a>
      </h2>
      <p className="muted">{t("pulls.noPointsYet")}</p>
      {view}
    </section>
  );
}

/** The appeal's state and the maintainer's words, on the pull request's row. */
function AppealLine({ appeal, t }: { appeal: NonNullable<PullOutcome["appeal"]>; t: Awaited<ReturnType<typeof getTranslations<"outcomes">>> }) {
  const text =
    appeal.status === "open"
      ? t("pulls.appealOpen")
      : appeal.status === "accepted"
        ? t("pulls.appealAccepted", { points: appeal.points ?? 0, answer: appeal.answer ?? "" })
        : t("pulls.appealDeclined", { answer: appeal.answer ?? "" });
  return (
    <div className="muted" data-testid="appeal-state">
      {text}
    </div>
  );
}
