import { getTranslations } from "next-intl/server";
import { waiveGateAction } from "@/app/_actions/waive-gate";
import { ActionForm } from "@/app/_components/action-form";
import { ReasonField } from "@/app/_components/reason-field";
import { wordsReader } from "@/app/_lib/words";
import type { belowGate, taskWaivers } from "@/lib/queries/task-gates";
import type { Shown } from "./task-pulls";

type Waivers = Awaited<ReturnType<typeof taskWaivers>>;
type Below = Awaited<ReturnType<typeof belowGate>>;

/**
 * The task's gate waivers (shown to everyone; a hidden participant's as "a participant"), and for maintainers a
 * waiver form when a gate keeps someone from it (named: the maintainer acts on them).
 */
export async function GateWaivers({ taskId, waivers, below, shown }: { taskId: number; waivers: Waivers; below: Below | null; shown: Shown }) {
  if (waivers.length === 0 && (below === null || below.length === 0)) return null;
  const [t, c, say] = await Promise.all([getTranslations("task"), getTranslations("common"), wordsReader()]);
  return (
    <>
      <h2>{t("waivers")}</h2>
      {waivers.length > 0 && (
        <ul data-testid="gate-waivers">
          {waivers.map((w, i) => (
            <li key={`${w.login}-${i}`}>
              {t.rich("waiverLine", { login: shown(w.login, w.hidden) ?? c("anonymous"), reason: w.reason, b: (chunks) => <strong>{chunks}</strong> })}
              <span className="muted">{t("waivedBy", { actor: w.actor ?? t("theOperator"), date: w.at.toISOString().slice(0, 10) })}</span>
            </li>
          ))}
        </ul>
      )}
      {below !== null && below.length > 0 && (
        <div className="card">
          <h3>{t("waiveTitle")}</h3>
          <ul>
            {below.map((b) => (
              <li key={b.login}>
                {b.login}: <span className="muted">{say(b.words)}</span>
              </li>
            ))}
          </ul>
          <ActionForm action={waiveGateAction} submit={t("waiveSubmit")} testId="waive-gate-form">
            <input type="hidden" name="taskId" value={taskId} />
            <select name="login" aria-label={t("participant")} defaultValue={below[0]!.login}>
              {below.map((b) => (
                <option key={b.login} value={b.login}>
                  {b.login}
                </option>
              ))}
            </select>
            <ReasonField required />
          </ActionForm>
        </div>
      )}
    </>
  );
}
