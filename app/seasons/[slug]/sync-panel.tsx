"use client";

import { useActionState, useEffect, useState } from "react";
import type { SyncStatus } from "@/lib/queries/sync-status";
import { syncSeasonAction } from "@/app/_actions/sync-season";
import type { SyncWords } from "./sync-words";

/** A template of the `sync` namespace with its `{name}` arguments filled in (they carry no plural or select). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The importer's phases as it reports them ("pull requests"), to the catalogue's keys. */
const PHASE_KEY: Record<string, string> = { tasks: "tasks", "pull requests": "pullRequests", "comment commands": "commentCommands", registration: "registration" };

/** "Sync now" with live progress and the last run's result (maintainers and admins), in the page's language. */
export function SyncPanel({ season, initial, words }: { season: string; initial: SyncStatus; words: SyncWords }) {
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

  const w = words.text;
  const when = (at: string) => new Date(at).toLocaleString(words.locale);
  const last = status.last;
  const every = status.schedule.intervalSeconds >= 120 ? fill(w.minutes, { n: Math.round(status.schedule.intervalSeconds / 60) }) : fill(w.seconds, { n: status.schedule.intervalSeconds });
  return (
    <div className="notice sync-panel" data-testid="sync-panel">
      <form action={formAction}>
        <input type="hidden" name="season" value={season} />
        <button type="submit" className="button" disabled={running}>
          {running ? w.syncing : w.syncNow}
        </button>
      </form>
      <div aria-live="polite" data-testid="sync-status">
        {state && !state.ok && <p className="error">{state.error}</p>}
        {running && last?.progress && (
          <p>
            {fill(w.importing, {
              phase: words.phase[PHASE_KEY[last.progress.phase] ?? ""] ?? last.progress.phase,
              repo: last.progress.repo ? fill(w.ofRepo, { repo: last.progress.repo }) : "",
              done: last.progress.done,
            })}
          </p>
        )}
        {!running && last && (
          <p className="muted">
            {fill(w.last, {
              status: words.status[last.status] ?? last.status,
              at: last.finishedAt ? fill(w.at, { when: when(last.finishedAt) }) : "",
              tasks: last.counts.tasks,
              pullRequests: last.counts.pullRequests,
              entries: last.counts.entries,
              points: last.counts.pointsAwarded,
              cost: last.graphqlCost,
              error: last.error ? ` — ${last.error}` : "",
            })}
          </p>
        )}
        {!running && !last && <p className="muted">{w.never}</p>}
        <p className="muted" data-testid="sync-schedule">
          {status.schedule.intervalSeconds === 0 ? w.off : status.schedule.nextAt ? fill(w.next, { when: when(status.schedule.nextAt), every }) : w.notOpen}
        </p>
      </div>
    </div>
  );
}
