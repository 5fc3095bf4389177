import { finalizeSeasonAction } from "@/app/_actions/finalize-season";
import { reopenSeasonAction } from "@/app/_actions/reopen-season";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/app/_components/action-form";
import { ReasonField } from "@/app/_components/reason-field";
import { finalizableFrom } from "@/lib/scoring/prizes";
import { TableHead } from "@/app/_components/table-head";

export type SeasonEndRow = { slug: string; name: string; endsAt: Date; graceDays: number; finalizedAt: Date | null };

/** The admins' end of a season: finalize once the end plus grace has passed, reopen with a reason, the winners' CSV. */
export function SeasonEnd({ seasons, now = new Date() }: { seasons: SeasonEndRow[]; now?: Date }) {
  const t = useTranslations("seasonEnd");
  if (seasons.length === 0) return null;
  return (
    <>
      <h2>{t("heading")}</h2>
      <p className="muted">{t("lead")}</p>
      <table className="table" data-testid="season-end">
        <caption className="sr-only">{t("caption")}</caption>
        <TableHead columns={[t("season"), t("state"), t("action")]} />
        <tbody>
          {seasons.map((s) => {
            const from = finalizableFrom(s);
            return (
              <tr key={s.slug} data-testid={`season-end-${s.slug}`}>
                <td>
                  <a href={`/seasons/${s.slug}`}>{s.name}</a>
                </td>
                <td>
                  {s.finalizedAt
                    ? t.rich("final", {
                        date: s.finalizedAt.toISOString().slice(0, 10),
                        strong: (x) => <strong>{x}</strong>,
                        link: (x) => <a href={`/admin/seasons/${s.slug}/winners.csv`}>{x}</a>,
                      })
                    : from > now
                      ? t("live", { when: from.toISOString().replace("T", " ").slice(0, 16) })
                      : t("ended")}
                </td>
                <td>
                  {s.finalizedAt ? (
                    <ActionForm action={reopenSeasonAction} submit={t("reopen")} done={t("reopened")} testId={`reopen-${s.slug}`}>
                      <input type="hidden" name="slug" value={s.slug} />
                      <ReasonField required />
                    </ActionForm>
                  ) : (
                    <ActionForm action={finalizeSeasonAction} submit={t("finalize")} done={t("finalized")} testId={`finalize-${s.slug}`}>
                      <input type="hidden" name="slug" value={s.slug} />
                    </ActionForm>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
