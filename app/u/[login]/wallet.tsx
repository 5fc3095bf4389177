import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { TableScroll } from "@/app/_components/table-scroll";
import { currentViewer } from "@/lib/auth";
import { getWallet } from "@/lib/queries/wallet";
import { TableHead } from "@/app/_components/table-head";

/** The wallet on a profile, for its owner only: balance, each season's credits with their expiry, and the history. */
export async function OwnWallet({ login }: { login: string }) {
  const viewer = await currentViewer();
  if (!viewer?.participantId || viewer.login.toLowerCase() !== login.toLowerCase()) return null;
  const [wallet, t] = await Promise.all([getDb().then((db) => getWallet(db, viewer.participantId!)), getTranslations("wallet")]);
  const lots = wallet.lots.filter((l) => l.remaining > 0 && !l.expired);
  return (
    <section id="wallet" data-testid="wallet">
      <h2>{t("heading")}</h2>
      <p data-testid="wallet-balance">
        {t.rich("balance", { credits: wallet.available, strong: (x: ReactNode) => <strong>{x}</strong>, link: (x: ReactNode) => <a href="/shop">{x}</a> })}
      </p>
      {lots.length > 0 && (
        <ul>
          {lots.map((l) => (
            <li key={l.seasonId}>
              {l.expiresAt
                ? t("lot", { credits: l.remaining, season: wallet.lotSlugs[l.seasonId] ?? "", date: l.expiresAt.toISOString().slice(0, 10) })
                : t("lotNextSeason", { credits: l.remaining, season: wallet.lotSlugs[l.seasonId] ?? "" })}
            </li>
          ))}
        </ul>
      )}
      {wallet.history.length === 0 ? (
        <p className="empty">{t("none")}</p>
      ) : (
        <TableScroll label={t("caption")}>
          <table className="table" data-testid="wallet-history">
            <caption className="sr-only">{t("caption")}</caption>
            <TableHead columns={[t("when"), t("what"), t("credits"), t("season"), t("why")]} />
            <tbody>
              {wallet.history.map((l) => (
                <tr key={l.id}>
                  <td>{l.at.toISOString().slice(0, 10)}</td>
                  <td>{t("kind", { kind: l.kind })}</td>
                  <td>{l.credits > 0 ? `+${l.credits}` : l.credits}</td>
                  <td>{l.season}</td>
                  <td>{l.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
