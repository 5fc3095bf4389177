import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { currentViewer } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { jobsOverview, type JobRow } from "@/lib/queries/jobs";
import { TableHead } from "@/app/_components/table-head";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminJobs"))("metaTitle") };
}
export const dynamic = "force-dynamic";

/** The job queue for admins: the next scheduled imports, what waits or runs, what failed, what ran lately. */
export default async function JobsPage() {
  const viewer = await currentViewer();
  if (!viewer) redirect("/signin?callbackUrl=/admin/jobs");
  const t = await getTranslations("adminJobs");
  if (!can(viewer, "jobs.view")) {
    return (
      <section className="narrow" data-testid="jobs-forbidden">
        <h1>{t("title")}</h1>
        <p role="alert">{t("forbidden", { login: viewer.login })}</p>
      </section>
    );
  }
  const interval = env().syncIntervalSeconds;
  const overview = await jobsOverview(await getDb(), { intervalSeconds: interval, now: new Date(), limit: 30 });
  return (
    <section data-testid="jobs-page">
      <h1>{t("title")}</h1>
      <p className="muted">
        {interval > 0 ? t("every", { seconds: interval, variable: "PODIUM_SYNC_INTERVAL_SECONDS" }) : t("off", { variable: "PODIUM_SYNC_INTERVAL_SECONDS" })}{" "}
        {t.rich("shell", { command: "npm run podium -- jobs", code: (x) => <code>{x}</code> })}
      </p>
      {!overview.installed && <p role="status">{t("notStarted")}</p>}
      <h2>{t("next")}</h2>
      {overview.nextRuns.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <ul data-testid="jobs-next">
          {overview.nextRuns.map((n) => (
            <li key={n.season}>
              {n.season}: <time dateTime={n.at}>{n.at}</time>
            </li>
          ))}
        </ul>
      )}
      <JobTable title={t("pending")} rows={overview.pending} testId="jobs-pending" />
      <JobTable title={t("failed")} rows={overview.failures} testId="jobs-failures" />
      <JobTable title={t("recent")} rows={overview.recent} testId="jobs-recent" />
    </section>
  );
}

function JobTable({ title, rows, testId }: { title: string; rows: JobRow[]; testId: string }) {
  const t = useTranslations("adminJobs");
  return (
    <>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <table className="table" data-testid={testId}>
          <caption className="sr-only">{title}</caption>
          <TableHead columns={[t("job"), t("for"), t("state"), { label: t("tries"), num: true }, t("due"), t("finished"), t("detail")]} />
          <tbody>
            {rows.map((j) => (
              <tr key={j.id}>
                <td>{j.name}</td>
                <td>{j.key ?? ""}</td>
                <td>{t("stateName", { state: j.state })}</td>
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
