import { awardPointsAction } from "@/app/_actions/award-points";
import { ActionForm, ReasonInput } from "@/app/_components/action-form";
import { TableHead } from "@/app/_components/table-head";
import type { getTaskDetail } from "@/lib/queries/tasks";

type Detail = NonNullable<Awaited<ReturnType<typeof getTaskDetail>>>;

/** The pull requests that reference a task; maintainers award points on each. */
export function TaskPulls({ detail, slug, maintains }: { detail: Detail; slug: string; maintains: boolean }) {
  if (detail.pulls.length === 0) return <p className="muted">No pull request references this task yet.</p>;
  return (
    <table className="table">
      <TableHead columns={["Pull request", "Author", "Merged", maintains && "Award points"]} />
      <tbody>
        {detail.pulls.map((p) => (
          <tr key={p.id}>
            <td>
              <a href={p.url ?? "#"} rel="noopener noreferrer">
                {p.repo}#{p.number}
              </a>{" "}
              {p.title}
            </td>
            <td>{p.author ?? "deleted account"}</td>
            <td>{p.mergedAt ? p.mergedAt.toISOString().slice(0, 10) : "not merged"}</td>
            {maintains && (
              <td>
                <ActionForm action={awardPointsAction} submit="Award">
                  <input type="hidden" name="season" value={slug} />
                  <input type="hidden" name="pullRequestId" value={p.id} />
                  <input name="points" type="number" step={1} aria-label="Points" placeholder="points" style={{ width: "6rem" }} />
                  <ReasonInput />
                </ActionForm>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
