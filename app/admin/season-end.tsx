import { finalizeSeasonAction } from "@/app/_actions/finalize-season";
import { reopenSeasonAction } from "@/app/_actions/reopen-season";
import { ActionForm, ReasonInput } from "@/app/_components/action-form";
import { finalizableFrom } from "@/lib/scoring/prizes";
import { TableHead } from "@/app/_components/table-head";

export type SeasonEndRow = { slug: string; name: string; endsAt: Date; graceDays: number; finalizedAt: Date | null };

/** The admins' end of a season: finalize once the end plus grace has passed, reopen with a reason, the winners' CSV. */
export function SeasonEnd({ seasons, now = new Date() }: { seasons: SeasonEndRow[]; now?: Date }) {
  if (seasons.length === 0) return null;
  return (
    <>
      <h2>End of a season</h2>
      <p className="muted">Finalizing freezes the rankings and awards the prizes; imports are still stored but change nothing until the season is reopened.</p>
      <table className="table" data-testid="season-end">
        <caption className="sr-only">Seasons and whether each is final</caption>
        <TableHead columns={["Season", "State", "Action"]} />
        <tbody>
          {seasons.map((s) => {
            const from = finalizableFrom(s);
            return (
              <tr key={s.slug} data-testid={`season-end-${s.slug}`}>
                <td>
                  <a href={`/seasons/${s.slug}`}>{s.name}</a>
                </td>
                <td>
                  {s.finalizedAt ? (
                    <>
                      <strong>final</strong> since {s.finalizedAt.toISOString().slice(0, 10)} · <a href={`/admin/seasons/${s.slug}/winners.csv`}>winners (CSV, with e-mail)</a>
                    </>
                  ) : from > now ? (
                    `live; may be finalized from ${from.toISOString().replace("T", " ").slice(0, 16)} UTC`
                  ) : (
                    "ended; not final yet"
                  )}
                </td>
                <td>
                  {s.finalizedAt ? (
                    <ActionForm action={reopenSeasonAction} submit="Reopen" testId={`reopen-${s.slug}`}>
                      <input type="hidden" name="slug" value={s.slug} />
                      <ReasonInput required />
                    </ActionForm>
                  ) : (
                    <ActionForm action={finalizeSeasonAction} submit="Finalize" testId={`finalize-${s.slug}`}>
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
