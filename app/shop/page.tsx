import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { currentViewer } from "@/lib/auth";
import { listGifts, listRedemptions } from "@/lib/queries/shop";
import { getWallet } from "@/lib/queries/wallet";
import { requestRedemptionAction } from "@/app/_actions/request-redemption";
import { ActionForm } from "@/app/_components/action-form";
import { TableHead } from "@/app/_components/table-head";
import type { ReactNode } from "react";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shop"))("metaTitle") };
}
export const dynamic = "force-dynamic";

/** The catalogue, the viewer's balance, and a request form for each gift (signed in). */
export default async function ShopPage() {
  const db = await getDb();
  const viewer = await currentViewer();
  const catalogue = await listGifts(db);
  const wallet = viewer?.participantId ? await getWallet(db, viewer.participantId) : null;
  const mine = viewer?.participantId ? await listRedemptions(db, { participantId: viewer.participantId, limit: 50 }) : [];
  const t = await getTranslations("shop");
  const strong = (x: ReactNode) => <strong>{x}</strong>;
  return (
    <section data-testid="shop-page">
      <h1>{t("title")}</h1>
      <p className="muted">{t("lead")}</p>
      {wallet ? (
        <p data-testid="shop-balance">{t.rich("balance", { credits: wallet.available, strong, link: (x) => <Link href={`/u/${viewer!.login}#wallet`}>{x}</Link> })}</p>
      ) : (
        <p>{t.rich("signIn", { link: (x) => <Link href="/signin?callbackUrl=/shop">{x}</Link> })}</p>
      )}
      {catalogue.length === 0 && <p className="empty">{t("noGifts")}</p>}
      <ul className="gift-grid" data-testid="gifts">
        {catalogue.map((g) => (
          <li key={g.id} className="gift" data-testid="gift">
            {g.pictureUrl && <img src={g.pictureUrl} alt="" width={160} height={160} loading="lazy" referrerPolicy="no-referrer" />}
            <h2>{g.name}</h2>
            {g.description && <p>{g.description}</p>}
            <p>{t.rich("price", { cost: g.cost, stock: Math.max(0, g.stock), strong })}</p>
            {wallet && g.stock > 0 && (
              <ActionForm action={requestRedemptionAction} submit={t("redeem", { cost: g.cost })} done={t("requested")} testId={`redeem-${g.id}`}>
                <input type="hidden" name="giftId" value={g.id} />
                <input name="note" aria-label={t("noteLabel")} placeholder={t("notePlaceholder")} maxLength={500} />
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
      {mine.length > 0 && (
        <>
          <h2>{t("mine")}</h2>
          <table className="table" data-testid="my-redemptions">
            <caption className="sr-only">{t("mine")}</caption>
            <TableHead columns={[t("gift"), t("credits"), t("status"), t("reason")]} />
            <tbody>
              {mine.map((r) => (
                <tr key={r.id}>
                  <td>{r.gift}</td>
                  <td>{r.cost}</td>
                  <td>{t("statusName", { status: r.status })}</td>
                  <td>{r.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
