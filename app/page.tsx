import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getDb } from "@/db";
import { currentSeason } from "@/lib/queries/seasons";
import { listSeasons } from "@/lib/queries/cached/public";
import { SeasonWindow } from "./_components/season-window";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [seasons, t] = await Promise.all([listSeasons(await getDb()), getTranslations("home")]);
  const b = { b: (chunks: ReactNode) => <strong>{chunks}</strong> };
  const current = currentSeason(seasons);
  const now = Date.now();
  return (
    <>
      <section className="hero">
        <h1>{t("title")}</h1>
        <p className="muted">{t("lead")}</p>
      </section>
      {seasons.length === 0 ? (
        <div className="empty" data-testid="no-seasons">
          <h2>{t("noSeasons")}</h2>
          <p>{t.rich("noSeasonsHint", { command: "npm run podium -- seasons apply season.json", code: (c) => <code>{c}</code> })}</p>
        </div>
      ) : (
        <ul className="grid" style={{ listStyle: "none", padding: 0 }} aria-label={t("seasonsLabel")}>
          {seasons.map((s) => {
            const live = Date.parse(s.startsAt) <= now && now <= Date.parse(s.endsAt);
            return (
              <li key={s.slug} className="card" data-testid="season-card">
                <h3>
                  <Link href={`/seasons/${encodeURIComponent(s.slug)}`}>{s.name}</Link>{" "}
                  {s.slug === current?.slug && <span className={`pill${live ? " live" : ""}`}>{live ? t("running") : t("current")}</span>}
                </h3>
                <div className="muted">
                  <SeasonWindow startsAt={s.startsAt} endsAt={s.endsAt} timeZone={s.timeZone} />
                </div>
                <div className="stats">
                  <span>{t.rich("participants", { count: s.participants, ...b })}</span>
                  <span>{t.rich("tasks", { count: s.tasks, ...b })}</span>
                  <span>{t.rich("repositories", { count: s.repos.length, ...b })}</span>
                </div>
                <ul className="repos" aria-label={t("reposLabel")}>
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
