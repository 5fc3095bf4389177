import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ActionForm } from "@/app/_components/action-form";
import { setPrivacyAction } from "@/app/_actions/set-privacy";

/**
 * What of this profile is public (#19), and, for the participant themself or an admin, the setting that hides
 * them from public rankings and the public API.
 */
export function ProfilePrivacy({ login, hidden, mayChange, self }: { login: string; hidden: boolean; mayChange: boolean; self: boolean }) {
  const t = useTranslations("privacy");
  const code = { code: (x: ReactNode) => <code>{x}</code> };
  return (
    <section className="privacy" data-testid="privacy" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">{t("heading")}</h2>
      {hidden ? (
        <p data-testid="privacy-state">{t.rich(self ? "hiddenSelf" : "hiddenOther", { login, ...code })}</p>
      ) : (
        <p data-testid="privacy-state">{t.rich("public", { login, ...code })}</p>
      )}
      {mayChange && (
        <ActionForm action={setPrivacyAction} submit={hidden ? t("show") : t("hide")} testId="privacy-form" className="action-form inline">
          <input type="hidden" name="login" value={login} />
          <input type="hidden" name="hidden" value={hidden ? "false" : "true"} />
        </ActionForm>
      )}
    </section>
  );
}
