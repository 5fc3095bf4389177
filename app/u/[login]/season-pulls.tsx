import { openAppealAction } from "@/app/_actions/open-appeal";
import { TableScroll } from "@/app/_components/table-scroll";
import { ActionForm } from "@/app/_components/action-form";
import { TableHead } from "@/app/_components/table-head";
import { getDb } from "@/db";
import { currentViewer } from "@/lib/auth";
import { participantPulls, type PullOutcome } from "@/lib/queries/participant-pulls";

const LABEL: Record<string, string> = {
  scored: "scored",
  capped: "capped",
  stopped: "stopped",
  "outside-window": "outside the window",
  "no-task": "no task",
  "not-a-task": "not a task",
  "needs-score": "needs a score",
  "held-by-other": "held by someone else",
  gate: "gate not met",
  "already-paid": "already paid",
  excluded: "excluded",
  bot: "bot",
  void: "voided",
  revoked: "revoked",
  pending: "open",
};

/**
 * A season's pull requests of a participant, each with its outcome in plain words (the same as the API's `detail`
 * and the bot's comment); `?pulls=unscored` keeps those that earned nothing. The owner may appeal a merged one.
 */
export async function SeasonPulls({ login, slug, unscoredOnly, heading }: { login: string; slug: string; unscoredOnly: boolean; heading?: string }) {
  const [all, viewer] = await Promise.all([participantPulls(await getDb(), login, slug), currentViewer()]);
  if (!all || all.length === 0) return null;
  const owner = viewer?.login.toLowerCase() === login.toLowerCase();
  const rows = unscoredOnly ? all.filter((p) => p.points === 0) : all;
  const notScored = all.filter((p) => p.points === 0).length;
  const view = (
    <details className="season-pulls" data-testid="season-pulls" open>
      <summary>
        Pull requests ({all.length}, {notScored} not scored) —{" "}
        {unscoredOnly ? <a href={`/u/${login}?pulls=all#pulls-${slug}`}>show all</a> : <a href={`/u/${login}?pulls=unscored#pulls-${slug}`}>only those not scored</a>}
      </summary>
      <TableScroll label={`Pull requests of ${login} in this season`}>
<table className="table" id={`pulls-${slug}`}>
        <caption>Every pull request of {login} that counts in this season, and why it scored or did not</caption>
        <TableHead columns={["Pull request", "Outcome", { label: "Points", num: true }, owner && "Appeal"]} />
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
                <strong>{LABEL[p.outcome] ?? p.outcome}</strong>: {p.detail}
                {p.appeal && <AppealLine appeal={p.appeal} />}
              </td>
              <td className="num">{p.points}</td>
              {owner && (
                <td>
                  {p.mergedAt && p.points === 0 && p.outcome !== "bot" && p.appeal?.status !== "open" ? (
                    <ActionForm action={openAppealAction} submit="Appeal">
                      <input type="hidden" name="season" value={slug} />
                      <input type="hidden" name="pullRequestId" value={p.pullRequestId} />
                      <input name="message" aria-label={`Why ${p.repo}#${p.number} should count`} placeholder="why it should count" />
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
      <p className="muted">No points in this season yet.</p>
      {view}
    </section>
  );
}

/** The appeal's state and the maintainer's words, on the pull request's row. */
function AppealLine({ appeal }: { appeal: NonNullable<PullOutcome["appeal"]> }) {
  const text =
    appeal.status === "open"
      ? "Appealed: waiting for a maintainer."
      : appeal.status === "accepted"
        ? `Appeal accepted (+${appeal.points ?? 0} points): ${appeal.answer ?? ""}`
        : `Appeal declined: ${appeal.answer ?? ""}`;
  return (
    <div className="muted" data-testid="appeal-state">
      {text}
    </div>
  );
}
