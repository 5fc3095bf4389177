import Link from "next/link";
import { useTranslations } from "next-intl";

/** Avatar, name and @login, linking to the profile: one ranking row's participant cell. */
export function ParticipantLink({ login, name, avatarUrl }: { login: string | null; name: string | null; avatarUrl: string | null }) {
  const t = useTranslations("common");
  // A participant who hid themselves (#19): no name, no link.
  if (login === null)
    return (
      <span className="who muted" data-testid="anonymous">
        {t("anonymous")}
      </span>
    );
  return (
    <Link href={`/u/${login}`} className="who">
      {avatarUrl && <img src={avatarUrl} alt="" width={24} height={24} className="avatar" loading="lazy" />}
      <span>{name && name !== login ? `${name} ` : ""}</span>
      <span className="muted">@{login}</span>
    </Link>
  );
}
