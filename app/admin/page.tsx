import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NextIntlClientProvider, useTranslations } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
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
import type { ReactNode } from "react";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("metaTitle") };
}
export const dynamic = "force-dynamic";

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ edit?: string | string[] }> }) {
  const viewer = await currentViewer();
  if (!viewer) redirect("/signin?callbackUrl=/admin");
  const t = await getTranslations("admin");
  if (!can(viewer, "admin.view")) {
    return (
      <section className="narrow" data-testid="admin-forbidden">
        <h1>{t("title")}</h1>
        <p role="alert">{t("forbidden", { login: viewer.login })}</p>
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
  const strong = { strong: (x: ReactNode) => <strong>{x}</strong> };
  // The editor shows the preview's words after an action returns, in the browser: it gets its own namespace.
  const editorMessages = { seasonEditor: (await getMessages()).seasonEditor };
  return (
    <section data-testid="admin-page">
      <h1>{t("title")}</h1>
      <p className="muted">
        {viewer.isAdmin
          ? t.rich("signedInAdmin", { login: viewer.login, ...strong })
          : t.rich("signedInMaintainer", { login: viewer.login, repos: viewer.maintainerOf.join(", "), ...strong })}
      </p>
      {viewer.isAdmin && (
        <>
          <p>{t.rich("jobs", { link: (x) => <Link href="/admin/jobs">{x}</Link> })}</p>
          <p>{t.rich("shop", { link: (x) => <Link href="/admin/shop">{x}</Link> })}</p>
          <h2>{t("seasons")}</h2>
          <p className="muted">{t.rich("seasonsLead", { command: "npm run podium -- seasons apply", code: (x) => <code>{x}</code> })}</p>
          {slugs.length > 0 && (
            <p data-testid="season-edit-links">
              {t("edit")}{" "}
              {slugs.map((slug) => (
                <a key={slug} href={`/admin?edit=${slug}`} style={{ marginRight: "0.75em" }}>
                  {slug}
                </a>
              ))}
            </p>
          )}
          <NextIntlClientProvider messages={editorMessages}>
            <SeasonEditor key={editing?.slug ?? "new"} save={saveSeasonAction} preview={previewSeasonAction} initial={editing ? JSON.stringify(editing, null, 2) : undefined} />
          </NextIntlClientProvider>
          <SeasonEnd seasons={seasonRows} />
          <h2>{t("grantOrRevoke")}</h2>
          <div className="tools">
            <ActionForm action={grantRoleAction} submit={t("grant")} done={t("granted")} testId="grant-role">
              <RoleFields />
            </ActionForm>
            <ActionForm action={revokeRoleAction} submit={t("revoke")} done={t("revoked")}>
              <RoleFields />
            </ActionForm>
          </div>
        </>
      )}
      <h2>{t("roles")}</h2>
      <table className="table">
        <caption className="sr-only">{t("rolesCaption")}</caption>
        <TableHead columns={[t("login"), t("role"), t("repository"), t("grantedBy")]} />
        <tbody>
          {granted.map((g) => (
            <tr key={`${g.login}-${g.role}-${g.repo ?? ""}`}>
              <td>{g.login}</td>
              <td>{t("roleName", { role: g.role })}</td>
              <td>{g.repo ?? t("allRepositories")}</td>
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
  const t = useTranslations("admin");
  return (
    <>
      <input name="login" aria-label={t("loginLabel")} placeholder={t("loginPlaceholder")} />
      <select name="role" aria-label={t("role")} defaultValue="maintainer">
        <option value="maintainer">{t("roleName", { role: "maintainer" })}</option>
        <option value="admin">{t("roleName", { role: "admin" })}</option>
      </select>
      <input name="repo" aria-label={t("repository")} placeholder={t("repoPlaceholder")} />
    </>
  );
}
