import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { revokeEntryAction } from "@/app/_actions/revoke-entry";
import { ActionForm } from "@/app/_components/action-form";
import { ReasonField } from "@/app/_components/reason-field";
import type { getTaskDetail } from "@/lib/queries/tasks";
import { TableHead } from "@/app/_components/table-head";
import type { Shown } from "./task-pulls";

type Detail = NonNullable<Awaited<ReturnType<typeof getTaskDetail>>>;

/** The ledger entries of a task (a hidden participant's as "a participant"); maintainers revoke one with a reason. */
export async function TaskLedger({ detail, maintains, shown }: { detail: Detail; maintains: boolean; shown: Shown }) {
  const [t, c] = await Promise.all([getTranslations("task"), getTranslations("common")]);
  if (detail.entries.length === 0) return <p className="muted">{t("noEntries")}</p>;
  return (
    <table className="table" data-testid="ledger">
      <caption className="sr-only">{t("ledgerCaption")}</caption>
      <TableHead columns={[c("participant"), { label: t("points"), num: true }, t("kindColumn"), t("why"), t("byColumn"), maintains && ""]} />
      <tbody>
        {detail.entries.map((e) => {
          const login = shown(e.login, e.hidden);
          return (
            <tr key={e.id}>
              <td data-testid="ledger-participant">{login === null ? c("anonymous") : <Link href={`/u/${login}`}>{login}</Link>}</td>
              <td className="num">{e.points > 0 ? `+${e.points}` : e.points}</td>
              <td>{t(`kind.${e.kind}`)}</td>
              <td>{e.reason}</td>
              <td>{e.actor ?? t("import")}</td>
              {maintains && (
                <td>
                  {e.kind !== "revocation" && !detail.entries.some((x) => x.revokes === e.id) && (
                    <ActionForm action={revokeEntryAction} submit={t("revoke")}>
                      <input type="hidden" name="entryId" value={e.id} />
                      <ReasonField />
                    </ActionForm>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
