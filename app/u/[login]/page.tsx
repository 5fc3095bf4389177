import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { listSeasons } from "@/lib/queries/cached/public";
import { SeasonPulls } from "./season-pulls";
import { githubEndpoints } from "@/lib/github/endpoints";
import { communityStandingOf } from "@/lib/queries/cached/public";
import { getParticipantProfile } from "@/lib/queries/cached/public";
import { ProfileHeader, ProfileSeason } from "./profile-parts";
import { finalStandings } from "@/lib/queries/cached/public";
import { achievementsOf } from "@/lib/profile/achievements";
import { OwnWallet } from "./wallet";
import { ProfilePrivacy } from "./privacy";
import { currentViewer } from "@/lib/auth";
import { seesHidden } from "@/lib/participants/privacy";

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
  const [profile, viewer] = await Promise.all([getParticipantProfile(db, login), currentViewer()]);
  // A participant who hid themselves has no public profile (#19): only they and admins see it.
  if (!profile || (profile.hidden && !seesHidden(viewer, profile.login))) notFound();
  const community = await communityStandingOf(db, profile.login);
  const [gh, finals] = await Promise.all([githubEndpoints(), finalStandings(db, profile.login)]);
  const achievements = achievementsOf(profile);
  const t = await getTranslations("profile");
  const badge = await getTranslations("badges");
  // Seasons where the participant has pull requests but no points yet: "why didn't my PR score?" is asked there most.
  const otherSeasons = pullsView ? (await listSeasons(db)).filter((x) => !profile.seasons.some((s) => s.slug === x.slug)) : [];
  return (
    <>
      <ProfileHeader profile={profile} community={community} githubUrl={gh.webUrl} />
      {achievements.length > 0 && (
        <ul className="achievements" aria-label={t("badges")} data-testid="achievements">
          {achievements.map((a) => (
            <li key={a.id} title={badge.has(`${a.id}.description`) ? badge(`${a.id}.description`) : a.description}>
              {badge.has(`${a.id}.title`) ? badge(`${a.id}.title`) : a.title}
            </li>
          ))}
        </ul>
      )}
      <ProfilePrivacy login={profile.login} hidden={profile.hidden} mayChange={seesHidden(viewer, profile.login)} self={viewer?.login.toLowerCase() === profile.login.toLowerCase()} />
      <OwnWallet login={profile.login} />
      {profile.seasons.length === 0 && <p className="empty">{t("noPoints")}</p>}
      {profile.seasons.length === 0 && !pullsView && (
        <p data-testid="pulls-link">
          <a href={`/u/${profile.login}?pulls=all`}>{t("pullsLink")}</a>
        </p>
      )}
      {profile.seasons.map((s) => (
        <ProfileSeason key={s.slug} season={s} login={profile.login} githubUrl={gh.webUrl} final={finals.find((f) => f.slug === s.slug)} pullsView={pullsView} />
      ))}
      {otherSeasons.map((x) => (
        <SeasonPulls key={x.slug} login={profile.login} slug={x.slug} unscoredOnly={pullsView === "unscored"} heading={x.name} />
      ))}
    </>
  );
}
