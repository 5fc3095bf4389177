import { getDb } from "@/db";
import { TableScroll } from "@/app/_components/table-scroll";
import { currentViewer } from "@/lib/auth";
import { getWallet } from "@/lib/queries/wallet";
import { TableHead } from "@/app/_components/table-head";

/** The wallet on a profile, for its owner only: balance, each season's credits with their expiry, and the history. */
export async function OwnWallet({ login }: { login: string }) {
  const viewer = await currentViewer();
  if (!viewer?.participantId || viewer.login.toLowerCase() !== login.toLowerCase()) return null;
  const wallet = await getWallet(await getDb(), viewer.participantId);
  return (
    <section id="wallet" data-testid="wallet">
      <h2>Your wallet</h2>
      <p data-testid="wallet-balance">
        <strong>{wallet.available}</strong> Contribution Credits · <a href="/shop">gift shop</a>
      </p>
      {wallet.lots.filter((l) => l.remaining > 0 && !l.expired).length > 0 && (
        <ul>
          {wallet.lots
            .filter((l) => l.remaining > 0 && !l.expired)
            .map((l) => (
              <li key={l.seasonId}>
                {l.remaining} from {wallet.lotSlugs[l.seasonId]}
                {l.expiresAt ? `, until ${l.expiresAt.toISOString().slice(0, 10)}` : ", until the end of the next season"}
              </li>
            ))}
        </ul>
      )}
      {wallet.history.length === 0 ? (
        <p className="empty">No credits yet: they are issued when a season you scored in is final.</p>
      ) : (
        <TableScroll label="Credits received and spent">
<table className="table" data-testid="wallet-history">
          <caption className="sr-only">Credits received and spent</caption>
          <TableHead columns={["When", "What", "Credits", "Season", "Why"]} />
          <tbody>
            {wallet.history.map((l) => (
              <tr key={l.id}>
                <td>{l.at.toISOString().slice(0, 10)}</td>
                <td>{l.kind}</td>
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
