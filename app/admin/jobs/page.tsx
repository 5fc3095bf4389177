import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { currentViewer } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { jobsOverview, type JobRow } from "@/lib/queries/jobs";
import { TableHead } from "@/app/_components/table-head";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

/** The job queue for admins: the next scheduled imports, what waits or runs, what failed, what ran lately. */
export default async function JobsPage() {
  const viewer = await currentViewer();
  if (!viewer) redirect("/signin?callbackUrl=/admin/jobs");
  if (!can(viewer, "jobs.view")) {
    return (
      <section className="narrow" data-testid="jobs-forbidden">
        <h1>Jobs</h1>
        <p role="alert">This page is for the program&apos;s admins. Your account ({viewer.login}) is not one.</p>
      </section>
    );
  }
  const interval = env().syncIntervalSeconds;
  const overview = await jobsOverview(await getDb(), { intervalSeconds: interval, now: new Date(), limit: 30 });
  return (
    <section data-testid="jobs-page">
      <h1>Jobs</h1>
      <p className="muted">
        {interval > 0 ? `Every open season is imported every ${interval} s (PODIUM_SYNC_INTERVAL_SECONDS).` : "Scheduled imports are off (PODIUM_SYNC_INTERVAL_SECONDS=0)."}{" "}
        The same from a shell: <code>npm run podium -- jobs</code>.
      </p>
      {!overview.installed && <p role="status">The job queue has not started on this database yet (it starts with the server).</p>}
      <h2>Next scheduled imports</h2>
      {overview.nextRuns.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul data-testid="jobs-next">
          {overview.nextRuns.map((n) => (
            <li key={n.season}>
              {n.season}: <time dateTime={n.at}>{n.at}</time>
            </li>
          ))}
        </ul>
      )}
      <JobTable title="Waiting and running" rows={overview.pending} testId="jobs-pending" />
      <JobTable title="Failed" rows={overview.failures} testId="jobs-failures" />
      <JobTable title="Recent" rows={overview.recent} testId="jobs-recent" />
    </section>
  );
}

function JobTable({ title, rows, testId }: { title: string; rows: JobRow[]; testId: string }) {
  return (
    <>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table className="table" data-testid={testId}>
          <caption className="sr-only">{title}</caption>
          <TableHead columns={["Job", "For", "State", { label: "Tries", num: true }, "Due", "Finished", "Detail"]} />
          <tbody>
            {rows.map((j) => (
              <tr key={j.id}>
                <td>{j.name}</td>
                <td>{j.key ?? ""}</td>
                <td>{j.state}</td>
                <td className="num">
                  {j.retryCount + 1}/{j.retryLimit + 1}
                </td>
                <td>
                  <time dateTime={j.startAfter}>{j.startAfter}</time>
                </td>
                <td>{j.completedOn ? <time dateTime={j.completedOn}>{j.completedOn}</time> : ""}</td>
                <td>{j.detail ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
