"use client";

import { useActionState, useEffect, useState } from "react";
import type { SyncStatus } from "@/lib/queries/sync-status";
import { syncSeasonAction } from "@/app/_actions/sync-season";

/** "Sync now" with live progress and the last run's result (maintainers and admins). */
export function SyncPanel({ season, initial }: { season: string; initial: SyncStatus }) {
  const [status, setStatus] = useState<SyncStatus>(initial);
  const [state, formAction, pending] = useActionState(syncSeasonAction, null);
  const running = status.running || (state?.ok === true && status.last?.id !== state.data.runId) || pending;

  useEffect(() => {
    if (!running) return;
    // A GET route, not a server action: a read goes through the read path.
    const timer = setInterval(() => {
      void fetch(`/api/seasons/${encodeURIComponent(season)}/sync-status`, { cache: "no-store" })
        .then((r) => (r.ok ? (r.json() as Promise<SyncStatus>) : null))
        .then((next) => next && setStatus(next))
        .catch(() => {});
    }, 700);
    return () => clearInterval(timer);
  }, [running, season]);

  const last = status.last;
  return (
    <div className="notice sync-panel" data-testid="sync-panel">
      <form action={formAction}>
        <input type="hidden" name="season" value={season} />
        <button type="submit" className="button" disabled={running}>
          {running ? "Syncing…" : "Sync now"}
        </button>
      </form>
      <div aria-live="polite" data-testid="sync-status">
        {state && !state.ok && <p className="error">{state.error}</p>}
        {running && last?.progress && (
          <p>
            Importing {last.progress.phase} {last.progress.repo ? `of ${last.progress.repo}` : ""} — {last.progress.done} so far
          </p>
        )}
        {!running && last && (
          <p className="muted">
            Last sync {last.status === "succeeded" ? "succeeded" : last.status}
            {last.finishedAt ? ` at ${new Date(last.finishedAt).toLocaleString()}` : ""}: {last.counts.tasks} tasks, {last.counts.pullRequests} pull requests,{" "}
            {last.counts.entries} ledger entries ({last.counts.pointsAwarded} points), {last.graphqlCost} GraphQL points
            {last.error ? ` — ${last.error}` : ""}.
          </p>
        )}
        {!running && !last && <p className="muted">Never synced from here yet.</p>}
        <p className="muted" data-testid="sync-schedule">
          {status.schedule.intervalSeconds === 0
            ? "Scheduled imports are off."
            : status.schedule.nextAt
              ? `Next scheduled import: ${new Date(status.schedule.nextAt).toLocaleString()} (every ${status.schedule.intervalSeconds >= 120 ? `${Math.round(status.schedule.intervalSeconds / 60)} min` : `${status.schedule.intervalSeconds} s`}).`
              : "No scheduled import: the season is not open."}
        </p>
      </div>
    </div>
  );
}
