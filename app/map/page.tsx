import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db";
import type { MapLink } from "@/db/schema";
import { getContributorMap, listSeasons, listSigs } from "@/lib/queries/cached/public";
import { filterBySkill, type MapModuleView, type MapProjectView } from "@/lib/queries/map";
import { sigsOwningModule, type SigView } from "@/lib/rules/community";
import { currentSeason } from "@/lib/queries/seasons";
import "./map.css";
import { TableHead } from "@/app/_components/table-head";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("map"))("metaTitle") };
}

const ZFilter = z.object({
  skill: z.string().trim().min(1).max(100).optional().catch(undefined),
});

function Links({ links, label }: { links: MapLink[]; label: string }) {
  if (links.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="map-links" aria-label={label}>
      {links.map((l, i) => (
        <li key={`${i}-${l.url ?? l.title}`}>{l.url ? <a href={l.url}>{l.title}</a> : l.title}</li>
      ))}
    </ul>
  );
}

/** A SIG's members as profile links, highest role first (the role in each link's title). */
function SigMembers({ sig }: { sig: SigView }) {
  const roles = useTranslations("profile");
  return (
    <>
      {sig.members.map((member, i) => (
        <span key={member.login}>
          {i > 0 && ", "}
          <Link href={`/u/${member.login}`} title={roles(member.role)}>
            @{member.login}
          </Link>
        </span>
      ))}
    </>
  );
}

function ModuleRow({ module: m, project, skill, sigs }: { module: MapModuleView; project: string; skill?: string; sigs: SigView[] }) {
  const owners = sigsOwningModule(m, sigs);
  const t = useTranslations("map");
  return (
    <tr data-testid="map-module">
      <th scope="row" data-label={t("module")}>
        <span className="map-module-name">{m.name}</span>
        {m.description && <span className="map-module-description muted">{m.description}</span>}
        {owners.map((sig) => (
          <span key={sig.name} className="map-module-sig" data-testid="map-module-sig">
            <a href={`#sig-${sig.name}`}>{sig.name}</a>: <SigMembers sig={sig} />
          </span>
        ))}
      </th>
      <td data-label={t("code")}>
        <Links links={m.codeDirectories} label={t("codeLabel", { project, module: m.name })} />
      </td>
      <td data-label={t("skills")}>
        {m.skills.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <ul className="map-skills" aria-label={t("skillsLabel", { module: m.name })}>
            {m.skills.map((s) => (
              <li key={s} className={`pill${skill && s.toLowerCase() === skill.toLowerCase() ? " map-match" : ""}`}>
                {s}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td data-label={t("learning")}>
        <Links links={m.learningMaterials} label={t("learningLabel", { module: m.name })} />
      </td>
      <td data-label={t("reading")}>
        <Links links={m.sourceReading} label={t("readingLabel", { module: m.name })} />
      </td>
    </tr>
  );
}

function ProjectCard({ project: p, season, skill, sigs }: { project: MapProjectView; season: { slug: string; name: string } | null; skill?: string; sigs: SigView[] }) {
  const headingId = `map-${p.slug}`;
  const t = useTranslations("map");
  return (
    <section className="card map-project" aria-labelledby={headingId} data-testid="map-project">
      <div className="map-project-head">
        <h2 id={headingId}>{p.url ? <a href={p.url}>{p.name}</a> : p.name}</h2>
        {p.repo && season && p.openTasks !== null && (
          <p className="map-tasks">
            {p.openTasks > 0 ? (
              <Link href={`/seasons/${season.slug}/tasks?repo=${p.repo.toLowerCase()}`}>
                {t("openTasks", { count: p.openTasks })}
              </Link>
            ) : (
              <span className="muted">{t("noOpenTasks", { season: season.name })}</span>
            )}
          </p>
        )}
      </div>
      {p.description && <p className="map-description">{p.description}</p>}
      {p.tutorials.length > 0 && (
        <div className="map-tutorials">
          <h3>{t("tutorials")}</h3>
          <Links links={p.tutorials} label={t("tutorialsLabel", { project: p.name })} />
        </div>
      )}
      {p.modules.length === 0 ? (
        <p className="muted">{t("noModules")}</p>
      ) : (
        <div className="map-table-wrap">
          <table className="table map-modules">
            <caption className="map-caption">{t("caption", { project: p.name })}</caption>
            <TableHead columns={[t("module"), t("code"), t("skills"), t("learning"), t("reading")]} />
            <tbody>
              {p.modules.map((m) => (
                <ModuleRow key={m.slug} module={m} project={p.name} skill={skill} sigs={sigs} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export default async function ContributorMapPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const filter = ZFilter.parse(await searchParams);
  const db = await getDb();
  const season = currentSeason(await listSeasons(db));
  const map = await getContributorMap(db, { seasonSlug: season?.slug ?? null });
  const sigs = await listSigs(db);
  const t = await getTranslations("map");
  // `?skill=rust` selects "Rust": the filter is case-insensitive, the select shows the stored spelling.
  const skill = filter.skill && (map.skills.find((s) => s.toLowerCase() === filter.skill?.toLowerCase()) ?? filter.skill);
  const shown = filterBySkill(map.projects, skill);
  const moduleCount = shown.reduce((n, p) => n + p.modules.length, 0);
  return (
    <>
      <section className="hero">
        <h1>{t("title")}</h1>
        <p className="muted">{t("lead")}</p>
      </section>
      {map.projects.length === 0 ? (
        <div className="empty" data-testid="map-empty">
          <h2>{t("empty")}</h2>
          <p>
            {t.rich("emptyHint", {
              heading: "## [Project](url) description",
              command: "npm run podium -- map import contributor-map.md",
              code: (c) => <code>{c}</code>,
            })}
          </p>
        </div>
      ) : (
        <>
          <form className="filters" method="get" role="search" aria-label={t("filterLabel")}>
            <label>
              {t("skill")}{" "}
              <select name="skill" defaultValue={skill ?? ""}>
                <option value="">{t("allSkills")}</option>
                {map.skills.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            <button type="submit" className="button secondary">
              {t("filter")}
            </button>
            {skill && <Link href="/map">{t("showAll")}</Link>}
          </form>
          {skill && (
            <p className="muted" role="status">
              {t("matches", { modules: moduleCount, projects: shown.length, skill })}
            </p>
          )}
          {shown.length === 0 ? (
            <p className="empty">{t("noMatch", { skill: skill ?? "" })}</p>
          ) : (
            <div className="map-projects">
              {shown.map((p) => (
                <ProjectCard key={p.slug} project={p} season={map.season} skill={skill} sigs={sigs} />
              ))}
            </div>
          )}
        </>
      )}
      <SigList sigs={sigs} />
    </>
  );
}

/** Every SIG and its members (the map names no owners: a SIG is shown beside the modules its name names). */
function SigList({ sigs }: { sigs: SigView[] }) {
  const t = useTranslations("map");
  if (sigs.length === 0) return null;
  return (
    <section className="card map-sigs" aria-labelledby="map-sigs" data-testid="map-sigs">
      <h2 id="map-sigs">{t("sigs")}</h2>
      <p className="muted">{t("sigsLead")}</p>
      <ul>
        {sigs.map((sig) => (
          <li key={sig.name} id={`sig-${sig.name}`} data-testid="map-sig">
            <strong>{sig.name}</strong>: <SigMembers sig={sig} />
          </li>
        ))}
      </ul>
    </section>
  );
}
