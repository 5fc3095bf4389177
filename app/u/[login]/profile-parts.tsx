import Link from "next/link";
import { TableScroll } from "@/app/_components/table-scroll";
import type { ParticipantProfile } from "@/lib/queries/participant";
import type { communityStandingOf } from "@/lib/queries/community";
import type { FinalStanding } from "@/lib/queries/season-results";
import { COMMUNITY_ROLE_LABEL } from "@/lib/rules/community";
import { PointsChart } from "@/app/_components/points-chart";
import { SeasonPulls } from "./season-pulls";

type Community = Awaited<ReturnType<typeof communityStandingOf>>;

/** Who the participant is: avatar, name, GitHub link, community role and SIGs. */
export function ProfileHeader({ profile, community, githubUrl }: { profile: ParticipantProfile; community: Community; githubUrl: string }) {
  return (
    <header className="profile-head">
      {profile.avatarUrl && <img src={profile.avatarUrl} alt="" width={72} height={72} className="avatar" />}
      <div>
        <h1 data-testid="profile-name">{profile.name ?? profile.login}</h1>
        <p className="muted">
          <a href={`${githubUrl}/${profile.login}`} rel="noopener noreferrer">
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
  );
}

/** One season on the profile: points, rank, the final standing, the chart, the completed tasks and the pull requests' outcomes (on request). */
export function ProfileSeason({
  season,
  login,
  githubUrl,
  final,
  pullsView,
}: {
  season: ParticipantProfile["seasons"][number];
  login: string;
  githubUrl: string;
  final: FinalStanding | undefined;
  pullsView: "all" | "unscored" | null;
}) {
  return (
    <section data-testid="profile-season">
      <h2>
        <Link href={`/seasons/${season.slug}`}>{season.name}</Link>
      </h2>
      <p>
        <strong>{season.score}</strong> points{season.rank !== null ? ` · rank #${season.rank}` : " · not ranked"}
        {season.rawScore > season.score ? <span className="muted"> ({season.rawScore - season.score} points over a cap, kept but not counted)</span> : null}
      </p>
      <FinalLine standing={final} />
      <PointsChart timeline={season.timeline} label={`Points in ${season.name}`} />
      <TableScroll label={`Tasks completed in ${season.name}`}>
<table className="table">
        <caption className="sr-only">{`Tasks completed in ${season.name}`}</caption>
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
          {season.completed.map((c) => (
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
                  <a key={`${pr.repo}#${pr.number}`} href={`${githubUrl}/${pr.repo}/pull/${pr.number}`} rel="noopener noreferrer">
                    #{pr.number}{" "}
                  </a>
                ))}
              </td>
              <td className="num">{c.points}</td>
            </tr>
          ))}
        </tbody>
      </table>
</TableScroll>
      {pullsView ? (
        <SeasonPulls login={login} slug={season.slug} unscoredOnly={pullsView === "unscored"} />
      ) : (
        <p data-testid="pulls-link">
          <a href={`/u/${login}?pulls=all#pulls-${season.slug}`}>Pull requests: why each scored or not</a>
        </p>
      )}
    </section>
  );
}

/** A final season's frozen standing on the profile: rank, prizes, and the certificate anyone can verify. */
function FinalLine({ standing }: { standing: FinalStanding | undefined }) {
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
