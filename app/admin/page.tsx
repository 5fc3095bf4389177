import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { participants, repositories, roles, seasons } from "@/db/schema";
import { seasonAsFile } from "@/lib/queries/season-as-file";
import { ZSlug } from "@/lib/seasons/season-file";
import { currentViewer } from "@/lib/auth";
import { can } from "@/lib/auth/permissions";
import { grantRoleAction } from "@/app/_actions/grant-role";
import { revokeRoleAction } from "@/app/_actions/revoke-role";
import { saveSeasonAction } from "@/app/_actions/save-season";
import { previewSeasonAction } from "@/app/_actions/preview-season";
import { SeasonEditor } from "./season-editor";
import { ActionForm } from "@/app/_components/action-form";
import { SeasonEnd } from "./season-end";
import { TableHead } from "@/app/_components/table-head";

export const metadata: Metadata = { title: "Admin" };
export const dynamic = "force-dynamic";

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ edit?: string | string[] }> }) {
  const viewer = await currentViewer();
  if (!viewer) redirect("/signin?callbackUrl=/admin");
  if (!can(viewer, "admin.view")) {
    return (
      <section className="narrow" data-testid="admin-forbidden">
        <h1>Admin</h1>
        <p role="alert">This page is for the program&apos;s admins and maintainers. Your account ({viewer.login}) has neither role.</p>
      </section>
    );
  }
  const db = await getDb();
  const granted = await db
    .select({ login: participants.login, role: roles.role, repo: repositories.fullName, grantedBy: roles.grantedBy })
    .from(roles)
    .innerJoin(participants, eq(participants.id, roles.participantId))
    .leftJoin(repositories, eq(repositories.id, roles.repositoryId))
    .orderBy(asc(roles.role), asc(participants.login));
  const { edit } = await searchParams;
  const editing = viewer.isAdmin && typeof edit === "string" && ZSlug.safeParse(edit).success ? await seasonAsFile(db, edit) : null;
  const seasonRows = viewer.isAdmin
    ? await db.select({ slug: seasons.slug, name: seasons.name, endsAt: seasons.endsAt, graceDays: seasons.graceDays, finalizedAt: seasons.finalizedAt }).from(seasons).orderBy(asc(seasons.startsAt))
    : [];
  const slugs = seasonRows.map((s) => s.slug);
  return (
    <section data-testid="admin-page">
      <h1>Admin</h1>
      <p className="muted">
        Signed in as <strong>{viewer.login}</strong>: {viewer.isAdmin ? "admin" : `maintainer of ${viewer.maintainerOf.join(", ")}`}.
      </p>
      {viewer.isAdmin && (
        <>
          <p>
            <Link href="/admin/jobs">Jobs</Link>: the scheduled imports and the background job queue (next runs, failures).
          </p>
          <h2>Seasons</h2>
          <p className="muted">Create or edit a season by pasting its season file (the format of `npm run podium -- seasons apply`). Errors name the field.</p>
          {slugs.length > 0 && (
            <p data-testid="season-edit-links">
              Edit:{" "}
              {slugs.map((slug) => (
                <a key={slug} href={`/admin?edit=${slug}`} style={{ marginRight: "0.75em" }}>
                  {slug}
                </a>
              ))}
            </p>
          )}
          <SeasonEditor key={editing?.slug ?? "new"} save={saveSeasonAction} preview={previewSeasonAction} initial={editing ? JSON.stringify(editing, null, 2) : undefined} />
          <SeasonEnd seasons={seasonRows} />
          <h2>Grant or revoke a role</h2>
          <div className="tools">
            <ActionForm action={grantRoleAction} submit="Grant" testId="grant-role">
              <RoleFields />
            </ActionForm>
            <ActionForm action={revokeRoleAction} submit="Revoke">
              <RoleFields />
            </ActionForm>
          </div>
        </>
      )}
      <h2>Roles</h2>
      <table className="table">
        <caption className="sr-only">Roles granted</caption>
        <TableHead columns={["Login", "Role", "Repository", "Granted by"]} />
        <tbody>
          {granted.map((g) => (
            <tr key={`${g.login}-${g.role}-${g.repo ?? ""}`}>
              <td>{g.login}</td>
              <td>{g.role}</td>
              <td>{g.repo ?? "all"}</td>
              <td>{g.grantedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Login, role and repository: the fields of granting and of revoking a role. */
function RoleFields() {
  return (
    <>
      <input name="login" aria-label="GitHub login" placeholder="login" />
      <select name="role" aria-label="Role" defaultValue="maintainer">
        <option value="maintainer">maintainer</option>
        <option value="admin">admin</option>
      </select>
      <input name="repo" aria-label="Repository" placeholder="owner/name (maintainers)" />
    </>
  );
}
