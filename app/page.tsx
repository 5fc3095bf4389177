import Link from "next/link";
import { getDb } from "@/db";
import { currentSeason } from "@/lib/queries/seasons";
import { listSeasons } from "@/lib/queries/cached/public";
import { SeasonWindow } from "./_components/season-window";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const seasons = await listSeasons(await getDb());
  const current = currentSeason(seasons);
  const now = Date.now();
  return (
    <>
      <section className="hero">
        <h1>Challenge program seasons</h1>
        <p className="muted">
          Pick a scored task in a listed repository, get your pull request merged, and climb the season&apos;s ranking.
        </p>
      </section>
      {seasons.length === 0 ? (
        <div className="empty" data-testid="no-seasons">
          <h2>No seasons yet</h2>
          <p>
            An admin creates the first season from a season file: <code>npm run podium -- seasons apply season.json</code>. The
            README describes the format.
          </p>
        </div>
      ) : (
        <ul className="grid" style={{ listStyle: "none", padding: 0 }} aria-label="Seasons">
          {seasons.map((s) => {
            const live = Date.parse(s.startsAt) <= now && now <= Date.parse(s.endsAt);
            return (
              <li key={s.slug} className="card" data-testid="season-card">
                <h3>
                  <Link href={`/seasons/${encodeURIComponent(s.slug)}`}>{s.name}</Link>{" "}
                  {s.slug === current?.slug && <span className={`pill${live ? " live" : ""}`}>{live ? "running" : "current"}</span>}
                </h3>
                <div className="muted">
                  <SeasonWindow startsAt={s.startsAt} endsAt={s.endsAt} timeZone={s.timeZone} />
                </div>
                <div className="stats">
                  <span>
                    <strong>{s.participants}</strong> participants
                  </span>
                  <span>
                    <strong>{s.tasks}</strong> tasks
                  </span>
                  <span>
                    <strong>{s.repos.length}</strong> repositories
                  </span>
                </div>
                <ul className="repos" aria-label="Repositories">
                  {s.repos.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
