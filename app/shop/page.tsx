import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db";
import { currentViewer } from "@/lib/auth";
import { listGifts, listRedemptions } from "@/lib/queries/shop";
import { getWallet } from "@/lib/queries/wallet";
import { requestRedemptionAction } from "@/app/_actions/request-redemption";
import { ActionForm } from "@/app/_components/action-form";
import { TableHead } from "@/app/_components/table-head";

export const metadata: Metadata = { title: "Gift shop" };
export const dynamic = "force-dynamic";

/** The catalogue, the viewer's balance, and a request form for each gift (signed in). */
export default async function ShopPage() {
  const db = await getDb();
  const viewer = await currentViewer();
  const catalogue = await listGifts(db);
  const wallet = viewer?.participantId ? await getWallet(db, viewer.participantId) : null;
  const mine = viewer?.participantId ? await listRedemptions(db, { participantId: viewer.participantId, limit: 50 }) : [];
  return (
    <section data-testid="shop-page">
      <h1>Gift shop</h1>
      <p className="muted">
        Contribution Credits are earned in final seasons (one credit a point; a team&apos;s points are split among its members) and can be redeemed
        until the end of the next season.
      </p>
      {wallet ? (
        <p data-testid="shop-balance">
          Your balance: <strong>{wallet.available}</strong> credits · <Link href={`/u/${viewer!.login}#wallet`}>wallet history</Link>
        </p>
      ) : (
        <p>
          <Link href="/signin?callbackUrl=/shop">Sign in</Link> to redeem your credits.
        </p>
      )}
      {catalogue.length === 0 && <p className="empty">No gifts in the catalogue yet.</p>}
      <ul className="gift-grid" data-testid="gifts">
        {catalogue.map((g) => (
          <li key={g.id} className="gift" data-testid="gift">
            {g.pictureUrl && <img src={g.pictureUrl} alt="" width={160} height={160} loading="lazy" referrerPolicy="no-referrer" />}
            <h2>{g.name}</h2>
            {g.description && <p>{g.description}</p>}
            <p>
              <strong>{g.cost}</strong> credits · {g.stock > 0 ? `${g.stock} left` : "out of stock"}
            </p>
            {wallet && g.stock > 0 && (
              <ActionForm action={requestRedemptionAction} submit={`Redeem for ${g.cost} credits`} testId={`redeem-${g.id}`}>
                <input type="hidden" name="giftId" value={g.id} />
                <input name="note" aria-label="Note for the admins (size, shipping)" placeholder="note (size, shipping)" maxLength={500} />
              </ActionForm>
            )}
          </li>
        ))}
      </ul>
      {mine.length > 0 && (
        <>
          <h2>Your requests</h2>
          <table className="table" data-testid="my-redemptions">
            <caption className="sr-only">Your requests</caption>
            <TableHead columns={["Gift", "Credits", "Status", "Reason"]} />
            <tbody>
              {mine.map((r) => (
                <tr key={r.id}>
                  <td>{r.gift}</td>
                  <td>{r.cost}</td>
                  <td>{r.status}</td>
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
