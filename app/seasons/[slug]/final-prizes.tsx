import Link from "next/link";
import { useTranslations } from "next-intl";
import type { FinalPrize } from "@/lib/queries/season-results";

/** A final season's banner and its prizes with their winners (ties at a prize's last rank said aloud). */
export function FinalPrizes({ slug, finalizedAt, prizes }: { slug: string; finalizedAt: string; prizes: FinalPrize[] }) {
  const t = useTranslations("season");
  const c = useTranslations("common");
  return (
    <section className="notice final" data-testid="season-final">
      <p>
        <strong className="final-mark">{t("final")}</strong> {t.rich("finalText", { date: finalizedAt.slice(0, 10), time: (c) => <time dateTime={finalizedAt}>{c}</time> })}{" "}
        <Link href={`/seasons/${slug}/report`}>{t("seasonReport")}</Link>
      </p>
      {prizes.length > 0 && (
        <ul className="prizes" data-testid="prizes">
          {prizes.map((p) => (
            <li key={p.name}>
              <strong>{p.name}</strong>:{" "}
              {p.winners.length === 0
                ? t("noWinner")
                : p.winners.map((w, i) => (
                    <span key={"login" in w ? `u:${w.login ?? `hidden-${i}`}` : `t:${w.team}`}>
                      {i > 0 && ", "}
                      {"login" in w ? w.login === null ? c("anonymous") : <Link href={`/u/${w.login}`}>{w.login}</Link> : t("teamWinner", { team: w.team })} <span className="muted">({w.score})</span>
                    </span>
                  ))}
              {p.tiedAtBoundary.length > 0 && (
                <span className="muted" data-testid="prize-tie">
                  {" "}
                  {t("tied", { names: p.tiedAtBoundary.join(", ") })}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
