import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { TableScroll } from "@/app/_components/table-scroll";
import type { ParticipantProfile } from "@/lib/queries/participant";
import type { communityStandingOf } from "@/lib/queries/community";
import type { FinalStanding } from "@/lib/queries/season-results";
import { PointsChart } from "@/app/_components/points-chart";
import { SeasonPulls } from "./season-pulls";

type Community = Awaited<ReturnType<typeof communityStandingOf>>;

/** Who the participant is: avatar, name, GitHub link, community role and SIGs. */
export function ProfileHeader({ profile, community, githubUrl }: { profile: ParticipantProfile; community: Community; githubUrl: string }) {
  const t = useTranslations("profile");
  return (
    <header className="profile-head">
      {profile.avatarUrl && <img src={profile.avatarUrl} alt="" width={72} height={72} className="avatar" />}
      <div>
        <h1 data-testid="profile-name">{profile.name ?? profile.login}</h1>
        <p className="muted">
          <a href={`${githubUrl}/${profile.login}`} rel="noopener noreferrer">
            {t("onGitHub", { login: profile.login })}
          </a>
        </p>
        {community && (
          <p className="profile-community" data-testid="community-role">
            <span className="pill">{t(community.role)}</span>
            {community.sigs.length > 0 && (
              <span className="muted">
                {" "}
                {t("sigs", { count: community.sigs.length })}:{" "}
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
  const t = useTranslations("profile");
  const c = useTranslations("common");
  const format = useFormatter();
  return (
    <section data-testid="profile-season">
      <h2>
        <Link href={`/seasons/${season.slug}`}>{season.name}</Link>
      </h2>
      <p>
        {t.rich("score", { score: season.score, b: (x) => <strong>{x}</strong> })}
        {season.rank !== null ? t("rank", { rank: season.rank }) : t("unranked")}
        {season.rawScore > season.score ? <span className="muted"> {t("overCap", { points: season.rawScore - season.score })}</span> : null}
      </p>
      <FinalLine standing={final} />
      <PointsChart timeline={season.timeline} label={t("chart", { season: season.name })} />
      <TableScroll label={t("completedCaption", { season: season.name })}>
<table className="table">
        <caption className="sr-only">{t("completedCaption", { season: season.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{c("task")}</th>
            <th scope="col">{c("difficulty")}</th>
            <th scope="col">{t("pullRequests")}</th>
            <th scope="col" className="num">
              {c("points")}
            </th>
          </tr>
        </thead>
        <tbody>
          {season.completed.map((row) => (
            <tr key={`${row.repo}#${row.number}`}>
              <td>
                <span className="muted">
                  {row.repo}#{row.number}
                </span>{" "}
                {row.title}
              </td>
              <td>{row.difficulty ? (["easy", "medium", "hard"].includes(row.difficulty) ? c(row.difficulty as "easy") : row.difficulty) : "—"}</td>
              <td>
                {row.pullRequests.map((pr) => (
                  <a key={`${pr.repo}#${pr.number}`} href={`${githubUrl}/${pr.repo}/pull/${pr.number}`} rel="noopener noreferrer">
                    #{pr.number}{" "}
                  </a>
                ))}
              </td>
              <td className="num">{format.number(row.points)}</td>
            </tr>
          ))}
        </tbody>
      </table>
</TableScroll>
      {pullsView ? (
        <SeasonPulls login={login} slug={season.slug} unscoredOnly={pullsView === "unscored"} />
      ) : (
        <p data-testid="pulls-link">
          <a href={`/u/${login}?pulls=all#pulls-${season.slug}`}>{t("pullsLink")}</a>
        </p>
      )}
    </section>
  );
}

/** A final season's frozen standing on the profile: rank, prizes, and the certificate anyone can verify. */
function FinalLine({ standing }: { standing: FinalStanding | undefined }) {
  const t = useTranslations("profile");
  if (!standing) return null;
  return (
    <p data-testid="profile-final">
      <strong>{t("final")}</strong>: {standing.rank !== null ? t("finalRank", { rank: standing.rank }) : t("finalUnranked")}, {t("finalPoints", { score: standing.score })}
      {standing.prizes.length > 0 && <> · {t("prizes")} <strong data-testid="profile-prizes">{standing.prizes.join(", ")}</strong></>} ·{" "}
      <a href={`/seasons/${standing.slug}/certificates/${standing.login}.svg`} data-testid="certificate-link">
        {t("certificate")}
      </a>
    </p>
  );
}
