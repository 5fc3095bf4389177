import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { getDb } from "@/db";
import type { MapLink } from "@/db/schema";
import { listSigs } from "@/lib/queries/cached/public";
import { filterBySkill, type MapModuleView, type MapProjectView } from "@/lib/queries/map";
import { getContributorMap, listSeasons } from "@/lib/queries/cached/public";
import { COMMUNITY_ROLE_LABEL, sigsOwningModule, type SigView } from "@/lib/rules/community";
import { currentSeason } from "@/lib/queries/seasons";
import "./map.css";
import { TableHead } from "@/app/_components/table-head";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Contributor map" };

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
  return (
    <>
      {sig.members.map((member, i) => (
        <span key={member.login}>
          {i > 0 && ", "}
          <Link href={`/u/${member.login}`} title={COMMUNITY_ROLE_LABEL[member.role]}>
            @{member.login}
          </Link>
        </span>
      ))}
    </>
  );
}

function ModuleRow({ module: m, project, skill, sigs }: { module: MapModuleView; project: string; skill?: string; sigs: SigView[] }) {
  const owners = sigsOwningModule(m, sigs);
  return (
    <tr data-testid="map-module">
      <th scope="row" data-label="Module">
        <span className="map-module-name">{m.name}</span>
        {m.description && <span className="map-module-description muted">{m.description}</span>}
        {owners.map((sig) => (
          <span key={sig.name} className="map-module-sig" data-testid="map-module-sig">
            <a href={`#sig-${sig.name}`}>{sig.name}</a>: <SigMembers sig={sig} />
          </span>
        ))}
      </th>
      <td data-label="Code">
        <Links links={m.codeDirectories} label={`${project} ${m.name}: code directories`} />
      </td>
      <td data-label="Skills">
        {m.skills.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <ul className="map-skills" aria-label={`${m.name}: required skills`}>
            {m.skills.map((s) => (
              <li key={s} className={`pill${skill && s.toLowerCase() === skill.toLowerCase() ? " map-match" : ""}`}>
                {s}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td data-label="Learning materials">
        <Links links={m.learningMaterials} label={`${m.name}: learning materials`} />
      </td>
      <td data-label="Source reading">
        <Links links={m.sourceReading} label={`${m.name}: source reading`} />
      </td>
    </tr>
  );
}

function ProjectCard({ project: p, season, skill, sigs }: { project: MapProjectView; season: { slug: string; name: string } | null; skill?: string; sigs: SigView[] }) {
  const headingId = `map-${p.slug}`;
  return (
    <section className="card map-project" aria-labelledby={headingId} data-testid="map-project">
      <div className="map-project-head">
        <h2 id={headingId}>{p.url ? <a href={p.url}>{p.name}</a> : p.name}</h2>
        {p.repo && season && p.openTasks !== null && (
          <p className="map-tasks">
            {p.openTasks > 0 ? (
              <Link href={`/seasons/${season.slug}/tasks?repo=${p.repo.toLowerCase()}`}>
                {p.openTasks} open task{p.openTasks === 1 ? "" : "s"} →
              </Link>
            ) : (
              <span className="muted">No open tasks in {season.name}</span>
            )}
          </p>
        )}
      </div>
      {p.description && <p className="map-description">{p.description}</p>}
      {p.tutorials.length > 0 && (
        <div className="map-tutorials">
          <h3>Contribution tutorials</h3>
          <Links links={p.tutorials} label={`${p.name}: contribution tutorials`} />
        </div>
      )}
      {p.modules.length === 0 ? (
        <p className="muted">No modules listed.</p>
      ) : (
        <div className="map-table-wrap">
          <table className="table map-modules">
            <caption className="map-caption">Modules of {p.name}</caption>
            <TableHead columns={["Module", "Code", "Skills", "Learning materials", "Source reading"]} />
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
  // `?skill=rust` selects "Rust": the filter is case-insensitive, the select shows the stored spelling.
  const skill = filter.skill && (map.skills.find((s) => s.toLowerCase() === filter.skill?.toLowerCase()) ?? filter.skill);
  const shown = filterBySkill(map.projects, skill);
  const moduleCount = shown.reduce((n, p) => n + p.modules.length, 0);
  return (
    <>
      <section className="hero">
        <h1>Contributor map</h1>
        <p className="muted">
          What you can work on and how to get started: each project&apos;s modules, where their code lives, the skills they need and
          what to read first.
        </p>
      </section>
      {map.projects.length === 0 ? (
        <div className="empty" data-testid="map-empty">
          <h2>No contributor map yet</h2>
          <p>
            An admin imports one from a Markdown map (a <code>## [Project](url) description</code> heading and a table of modules per
            project): <code>npm run podium -- map import contributor-map.md</code>. Importing again updates it in place.
          </p>
        </div>
      ) : (
        <>
          <form className="filters" method="get" role="search" aria-label="Filter modules by skill">
            <label>
              Skill{" "}
              <select name="skill" defaultValue={skill ?? ""}>
                <option value="">All skills</option>
                {map.skills.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
            <button type="submit" className="button secondary">
              Filter
            </button>
            {skill && <Link href="/map">Show all</Link>}
          </form>
          {skill && (
            <p className="muted" role="status">
              {moduleCount} module{moduleCount === 1 ? "" : "s"} in {shown.length} project{shown.length === 1 ? "" : "s"} need {skill}.
            </p>
          )}
          {shown.length === 0 ? (
            <p className="empty">No module needs {skill}.</p>
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
  if (sigs.length === 0) return null;
  return (
    <section className="card map-sigs" aria-labelledby="map-sigs" data-testid="map-sigs">
      <h2 id="map-sigs">Special Interest Groups</h2>
      <p className="muted">Members of each SIG, highest community role first.</p>
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
