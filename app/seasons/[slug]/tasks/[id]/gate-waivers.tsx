import { waiveGateAction } from "@/app/_actions/waive-gate";
import { ActionForm, ReasonInput } from "@/app/_components/action-form";
import type { belowGate, taskWaivers } from "@/lib/queries/task-gates";

type Waivers = Awaited<ReturnType<typeof taskWaivers>>;
type Below = Awaited<ReturnType<typeof belowGate>>;

/** The task's gate waivers (shown to everyone), and for maintainers a waiver form when a gate keeps someone from it. */
export function GateWaivers({ taskId, waivers, below }: { taskId: number; waivers: Waivers; below: Below | null }) {
  if (waivers.length === 0 && (below === null || below.length === 0)) return null;
  return (
    <>
      <h2>Gate waivers</h2>
      {waivers.length > 0 && (
        <ul data-testid="gate-waivers">
          {waivers.map((w) => (
            <li key={w.login}>
              <strong>{w.login}</strong> may take this task below its gates: {w.reason}
              <span className="muted">
                {" "}
                (waived by {w.actor ?? "the operator"} on {w.at.toISOString().slice(0, 10)})
              </span>
            </li>
          ))}
        </ul>
      )}
      {below !== null && below.length > 0 && (
        <div className="card">
          <h3>Waive the gate</h3>
          <ul>
            {below.map((b) => (
              <li key={b.login}>
                {b.login}: <span className="muted">{b.line}</span>
              </li>
            ))}
          </ul>
          <ActionForm action={waiveGateAction} submit="Waive the gate" testId="waive-gate-form">
            <input type="hidden" name="taskId" value={taskId} />
            <select name="login" aria-label="Participant" defaultValue={below[0]!.login}>
              {below.map((b) => (
                <option key={b.login} value={b.login}>
                  {b.login}
                </option>
              ))}
            </select>
            <ReasonInput required />
          </ActionForm>
        </div>
      )}
    </>
  );
}
