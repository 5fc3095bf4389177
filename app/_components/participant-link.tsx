import Link from "next/link";

/** Avatar, name and @login, linking to the profile: one ranking row's participant cell. */
export function ParticipantLink({ login, name, avatarUrl }: { login: string; name: string | null; avatarUrl: string | null }) {
  return (
    <Link href={`/u/${login}`} className="who">
      {avatarUrl && <img src={avatarUrl} alt="" width={24} height={24} className="avatar" loading="lazy" />}
      <span>{name && name !== login ? `${name} ` : ""}</span>
      <span className="muted">@{login}</span>
    </Link>
  );
}
