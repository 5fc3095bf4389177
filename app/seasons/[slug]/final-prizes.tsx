import Link from "next/link";
import { ANONYMOUS_LABEL } from "@/lib/participants/privacy";
import type { FinalPrize } from "@/lib/queries/season-results";

/** A final season's banner and its prizes with their winners (ties at a prize's last rank said aloud). */
export function FinalPrizes({ slug, finalizedAt, prizes }: { slug: string; finalizedAt: string; prizes: FinalPrize[] }) {
  return (
    <section className="notice final" data-testid="season-final">
      <p>
        <strong className="final-mark">Final</strong> results, frozen on <time dateTime={finalizedAt}>{finalizedAt.slice(0, 10)}</time>. Later imports are kept but change
        nothing. <Link href={`/seasons/${slug}/report`}>Season report</Link>
      </p>
      {prizes.length > 0 && (
        <ul className="prizes" data-testid="prizes">
          {prizes.map((p) => (
            <li key={p.name}>
              <strong>{p.name}</strong>:{" "}
              {p.winners.length === 0
                ? "no winner"
                : p.winners.map((w, i) => (
                    <span key={"login" in w ? `u:${w.login ?? `hidden-${i}`}` : `t:${w.team}`}>
                      {i > 0 && ", "}
                      {"login" in w ? w.login === null ? ANONYMOUS_LABEL : <Link href={`/u/${w.login}`}>{w.login}</Link> : <>team {w.team}</>} <span className="muted">({w.score})</span>
                    </span>
                  ))}
              {p.tiedAtBoundary.length > 0 && (
                <span className="muted" data-testid="prize-tie">
                  {" "}
                  — tied at the last rank ({p.tiedAtBoundary.join(" and ")}): everyone in the tie qualifies.
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
