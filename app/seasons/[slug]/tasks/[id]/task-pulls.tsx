import { AwardPointsForm } from "@/app/_components/award-points-form";
import { TableHead } from "@/app/_components/table-head";
import type { PullOutcome } from "@/lib/queries/participant-pulls";
import type { getTaskDetail } from "@/lib/queries/tasks";

type Detail = NonNullable<Awaited<ReturnType<typeof getTaskDetail>>>;

/** The pull requests that reference a task; maintainers award points on each. */
export function TaskPulls({ detail, slug, maintains, outcomes }: { detail: Detail; slug: string; maintains: boolean; outcomes: PullOutcome[] }) {
  const outcomeOf = new Map(outcomes.map((o) => [o.pullRequestId, o]));
  if (detail.pulls.length === 0) return <p className="muted">No pull request references this task yet.</p>;
  return (
    <table className="table">
      <caption className="sr-only">Pull requests that reference this task</caption>
      <TableHead columns={["Pull request", "Author", "Merged", "Outcome", maintains && "Award points"]} />
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
            <td data-testid="pull-outcome">{outcomeOf.get(p.id)?.detail ?? "—"}</td>
            {maintains && (
              <td>
                <AwardPointsForm slug={slug} pullRequestId={p.id} label="Points" placeholder="points" />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
