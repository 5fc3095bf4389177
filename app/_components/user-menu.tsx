import Link from "next/link";
import { signInAction } from "@/app/_actions/sign-in";
import { signOutAction } from "@/app/_actions/sign-out";
import { getTranslations } from "next-intl/server";
import { auth } from "@/lib/auth";

/** Sign in, or the signed-in user's avatar, profile link and sign out; `anonymous`: a page rendered for nobody (cached). */
export async function UserMenu({ anonymous = false }: { anonymous?: boolean }) {
  const [session, t] = await Promise.all([anonymous ? null : auth(), getTranslations("userMenu")]);
  const user = session?.user;
  if (!user) {
    return (
      <form action={signInAction}>
        <button type="submit" className="button">
          {t("signIn")}
        </button>
      </form>
    );
  }
  return (
    <div className="user-menu">
      {user.image && (
        <img src={user.image} alt="" width={28} height={28} className="avatar" data-testid="user-avatar" />
      )}
      {user.login ? (
        <Link href={`/u/${user.login}`} data-testid="my-profile">
          {user.login}
        </Link>
      ) : (
        <span>{user.name}</span>
      )}
      <form action={signOutAction}>
        <button type="submit" className="button secondary">
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
