import { markTaskAction } from "@/app/_actions/mark-task";
import { ActionForm, ReasonInput } from "@/app/_components/action-form";

/**
 * For maintainers: mark any issue of a repository they maintain as a task (or an umbrella, paying its points for
 * each merged PR that references it), even without the season's task label.
 */
export function MarkIssueForm({ slug, repos, difficulties }: { slug: string; repos: string[]; difficulties: string[] }) {
  return (
    <details className="card" data-testid="mark-issue">
      <summary>Mark an issue as a task</summary>
      <ActionForm action={markTaskAction} submit="Mark" testId="mark-form">
        <input type="hidden" name="season" value={slug} />
        <select name="repo" aria-label="Repository" defaultValue={repos[0]}>
          {repos.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <input name="number" type="number" min={1} step={1} aria-label="Issue number" placeholder="issue #" required style={{ width: "7rem" }} />
        <select name="kind" aria-label="Kind" defaultValue="task">
          <option value="task">task</option>
          <option value="umbrella">umbrella (points for each PR)</option>
        </select>
        <input name="points" type="number" min={0} step={1} aria-label="Points" placeholder="points (optional)" style={{ width: "9rem" }} />
        <select name="difficulty" aria-label="Difficulty" defaultValue="">
          <option value="">difficulty from the issue</option>
          {difficulties.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <ReasonInput required />
      </ActionForm>
      <p className="muted">The issue stays a task without the label until it is unmarked on its page. An issue not imported yet is looked up on GitHub.</p>
    </details>
  );
}
