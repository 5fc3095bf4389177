import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDb } from "@/db";
import { listSeasons } from "@/lib/queries/seasons";
import { SeasonPulls } from "./season-pulls";
import { githubEndpoints } from "@/lib/github/endpoints";
import { communityStandingOf } from "@/lib/queries/community";
import { getParticipantProfile } from "@/lib/queries/participant";
import { COMMUNITY_ROLE_LABEL } from "@/lib/rules/community";
import { finalStandings } from "@/lib/queries/season-results";
import { achievementsOf } from "@/lib/profile/achievements";
import { PointsChart } from "@/app/_components/points-chart";
import { OwnWallet } from "./wallet";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ login: string }> }): Promise<Metadata> {
  return { title: `@${(await params).login}` };
}

export default async function ProfilePage({ params, searchParams }: { params: Promise<{ login: string }>; searchParams: Promise<{ pulls?: string | string[] }> }) {
  const { login } = await params;
  // The pull requests' outcomes replay the participant's season (lib/queries/participant-pulls.ts): read on request, not on every view.
  const { pulls } = await searchParams;
  const pullsView = pulls === "unscored" || pulls === "all" ? pulls : null;
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,38}(~\d+)?$/.test(login)) notFound();
  const db = await getDb();
  const profile = await getParticipantProfile(db, login);
  if (!profile) notFound();
  const community = await communityStandingOf(db, profile.login);
  const [gh, finals] = await Promise.all([githubEndpoints(), finalStandings(db, profile.login)]);
  const achievements = achievementsOf(profile);
  // Seasons where the participant has pull requests but no points yet: "why didn't my PR score?" is asked there most.
  const otherSeasons = pullsView ? (await listSeasons(db)).filter((x) => !profile.seasons.some((s) => s.slug === x.slug)) : [];
  return (
    <>
      <header className="profile-head">
        {profile.avatarUrl && <img src={profile.avatarUrl} alt="" width={72} height={72} className="avatar" />}
        <div>
          <h1 data-testid="profile-name">{profile.name ?? profile.login}</h1>
          <p className="muted">
            <a href={`${gh.webUrl}/${profile.login}`} rel="noopener noreferrer">
              @{profile.login} on GitHub
            </a>
          </p>
          {community && (
            <p className="profile-community" data-testid="community-role">
              <span className="pill">{COMMUNITY_ROLE_LABEL[community.role]}</span>
              {community.sigs.length > 0 && (
                <span className="muted">
                  {" "}
                  {community.sigs.length === 1 ? "SIG" : "SIGs"}:{" "}
                  {community.sigs.map((sig, i) => (
                    <span key={sig}>
                      {i > 0 && ", "}
                      <Link href={`/map#sig-${sig}`}>{sig}</Link>
                    </span>
                  ))}
                </span>
              )}
            </p>
          )}
        </div>
      </header>
      {achievements.length > 0 && (
        <ul className="achievements" aria-label="Badges" data-testid="achievements">
          {achievements.map((a) => (
            <li key={a.id} title={a.description}>
              {a.title}
            </li>
          ))}
        </ul>
      )}
      <OwnWallet login={profile.login} />
      {profile.seasons.length === 0 && <p className="empty">No points yet. Pick a task in a season to get started.</p>}
      {profile.seasons.length === 0 && !pullsView && (
        <p data-testid="pulls-link">
          <a href={`/u/${profile.login}?pulls=all`}>Pull requests: why each scored or not</a>
        </p>
      )}
      {profile.seasons.map((s) => (
        <section key={s.slug} data-testid="profile-season">
          <h2>
            <Link href={`/seasons/${s.slug}`}>{s.name}</Link>
          </h2>
          <p>
            <strong>{s.score}</strong> points{s.rank !== null ? ` · rank #${s.rank}` : " · not ranked"}
            {s.rawScore > s.score ? <span className="muted"> ({s.rawScore - s.score} points over a cap, kept but not counted)</span> : null}
          </p>
          <FinalLine standing={finals.find((f) => f.slug === s.slug)} />
          <PointsChart timeline={s.timeline} label={`Points in ${s.name}`} />
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Difficulty</th>
                <th scope="col">Pull requests</th>
                <th scope="col" className="num">
                  Points
                </th>
              </tr>
            </thead>
            <tbody>
              {s.completed.map((c) => (
                <tr key={`${c.repo}#${c.number}`}>
                  <td>
                    <span className="muted">
                      {c.repo}#{c.number}
                    </span>{" "}
                    {c.title}
                  </td>
                  <td>{c.difficulty ?? "—"}</td>
                  <td>
                    {c.pullRequests.map((pr) => (
                      <a key={`${pr.repo}#${pr.number}`} href={`${gh.webUrl}/${pr.repo}/pull/${pr.number}`} rel="noopener noreferrer">
                        #{pr.number}{" "}
                      </a>
                    ))}
                  </td>
                  <td className="num">{c.points}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pullsView ? (
            <SeasonPulls login={profile.login} slug={s.slug} unscoredOnly={pullsView === "unscored"} />
          ) : (
            <p data-testid="pulls-link">
              <a href={`/u/${profile.login}?pulls=all#pulls-${s.slug}`}>Pull requests: why each scored or not</a>
            </p>
          )}
        </section>
      ))}
      {otherSeasons.map((x) => (
        <SeasonPulls key={x.slug} login={profile.login} slug={x.slug} unscoredOnly={pullsView === "unscored"} heading={x.name} />
      ))}
    </>
  );
}

/** A final season's frozen standing on the profile: rank, prizes, and the certificate anyone can verify. */
function FinalLine({ standing }: { standing: Awaited<ReturnType<typeof finalStandings>>[number] | undefined }) {
  if (!standing) return null;
  return (
    <p data-testid="profile-final">
      <strong>Final</strong>: {standing.rank !== null ? `rank #${standing.rank}` : "not ranked"}, {standing.score} points
      {standing.prizes.length > 0 && <> · prizes: <strong data-testid="profile-prizes">{standing.prizes.join(", ")}</strong></>} ·{" "}
      <a href={`/seasons/${standing.slug}/certificates/${standing.login}.svg`} data-testid="certificate-link">
        Certificate
      </a>
    </p>
  );
}
