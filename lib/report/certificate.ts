import { xml } from "@/lib/api/badge";

export type CertificateInput = {
  season: string;
  login: string;
  name: string | null;
  rank: number | null;
  score: number;
  tasks: number | null;
  prizes: string[];
  finalizedAt: string;
  /** The certificate's own stable URL, printed so a reader can verify it. */
  url: string;
};

/** The line under the name: the prizes won, else the rank, else "participant". */
export function standingLine(c: Pick<CertificateInput, "rank" | "prizes">): string {
  if (c.prizes.length > 0) return c.prizes.join(" · ");
  return c.rank !== null ? `Rank #${c.rank}` : "Participant";
}

/** A participant's certificate for a final season (pure; A4 landscape proportions, print-friendly colours). */
export function certificateSvg(c: CertificateInput): string {
  const who = xml(c.name && c.name !== c.login ? `${c.name} (@${c.login})` : `@${c.login}`);
  const line = xml(standingLine(c));
  const rank = c.rank !== null ? `rank #${c.rank}` : "not ranked";
  const facts = xml(`${c.score} points · ${rank}${c.tasks !== null ? ` · ${c.tasks} task${c.tasks === 1 ? "" : "s"}` : ""}`);
  const season = xml(c.season);
  const title = `Certificate: ${who}, ${season}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1123 794" width="1123" height="794" role="img" aria-labelledby="t d">
<title id="t">${title}</title>
<desc id="d">${who} took part in ${season}: ${line}; ${facts}. Final results of ${xml(c.finalizedAt.slice(0, 10))}.</desc>
<rect width="1123" height="794" fill="#fffdf8"/>
<rect x="28" y="28" width="1067" height="738" fill="none" stroke="#c2410c" stroke-width="6"/>
<rect x="44" y="44" width="1035" height="706" fill="none" stroke="#c2410c" stroke-width="1.5"/>
<g font-family="Georgia,'Times New Roman',serif" text-anchor="middle" fill="#1f2937">
<text x="561" y="170" font-size="30" letter-spacing="6">CERTIFICATE</text>
<text x="561" y="235" font-size="22" fill="#4b5563">This certifies that</text>
<text x="561" y="320" font-size="54" font-weight="bold" data-field="name">${who}</text>
<text x="561" y="385" font-size="22" fill="#4b5563">took part in</text>
<text x="561" y="445" font-size="38" data-field="season">${season}</text>
<text x="561" y="530" font-size="34" fill="#c2410c" font-weight="bold" data-field="standing">${line}</text>
<text x="561" y="585" font-size="24" data-field="points">${facts}</text>
<text x="561" y="690" font-size="15" fill="#6b7280">Final results of ${xml(c.finalizedAt.slice(0, 10))} · verify at ${xml(c.url)}</text>
</g>
</svg>`;
}
