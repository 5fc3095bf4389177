import { ActionForm } from "@/app/_components/action-form";
import { setPrivacyAction } from "@/app/_actions/set-privacy";

/**
 * What of this profile is public (#19), and, for the participant themself or an admin, the setting that hides
 * them from public rankings and the public API.
 */
export function ProfilePrivacy({ login, hidden, mayChange, self }: { login: string; hidden: boolean; mayChange: boolean; self: boolean }) {
  return (
    <section className="privacy" data-testid="privacy" aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">What is public</h2>
      {hidden ? (
        <p data-testid="privacy-state">
          Hidden: public rankings show {self ? "you" : "this participant"} as “a participant” with the points and rank; this profile and the
          public API (<code>/api/participants/{login}</code>, its pull requests and badge) answer “not found”, and the leaderboard’s JSON and CSV
          leave the login and name out. Admins {self ? "and you " : ""}still see everything.
        </p>
      ) : (
        <p data-testid="privacy-state">
          Public: this profile, the login and name on every ranking, and the public API (<code>/api/participants/{login}</code>, the leaderboard’s
          JSON and CSV, the badge).
        </p>
      )}
      {mayChange && (
        <ActionForm action={setPrivacyAction} submit={hidden ? "Show me on public rankings" : "Hide me from public rankings"} testId="privacy-form" className="action-form inline">
          <input type="hidden" name="login" value={login} />
          <input type="hidden" name="hidden" value={hidden ? "false" : "true"} />
        </ActionForm>
      )}
    </section>
  );
}
