import Link from "next/link";
import { revokeEntryAction } from "@/app/_actions/revoke-entry";
import { ActionForm, ReasonInput } from "@/app/_components/action-form";
import type { getTaskDetail } from "@/lib/queries/tasks";
import { TableHead } from "@/app/_components/table-head";

type Detail = NonNullable<Awaited<ReturnType<typeof getTaskDetail>>>;

/** The ledger entries of a task; maintainers revoke one with a reason. */
export function TaskLedger({ detail, maintains }: { detail: Detail; maintains: boolean }) {
  if (detail.entries.length === 0) return <p className="muted">No points for this task yet.</p>;
  return (
    <table className="table" data-testid="ledger">
      <caption className="sr-only">Points booked for this task</caption>
      <TableHead columns={["Participant", { label: "Points", num: true }, "Kind", "Why", "By", maintains && ""]} />
      <tbody>
        {detail.entries.map((e) => (
          <tr key={e.id}>
            <td>
              <Link href={`/u/${e.login}`}>{e.login}</Link>
            </td>
            <td className="num">{e.points > 0 ? `+${e.points}` : e.points}</td>
            <td>{e.kind}</td>
            <td>{e.reason}</td>
            <td>{e.actor ?? "import"}</td>
            {maintains && (
              <td>
                {e.kind !== "revocation" && !detail.entries.some((x) => x.revokes === e.id) && (
                  <ActionForm action={revokeEntryAction} submit="Revoke">
                    <input type="hidden" name="entryId" value={e.id} />
                    <ReasonInput />
                  </ActionForm>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
