/** Escapes text for SVG/XML. */
export function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** Rough text width for Verdana 11px (shields.io's font), enough to size a badge. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[A-Z#@%MW]/.test(ch) ? 8 : /[ il.,:;'|!]/.test(ch) ? 3.5 : /[\u0100-\uffff]/.test(ch) ? 11 : 6.5;
  return Math.ceil(w) + 12;
}

/** A README badge: `label | value`, flat style. */
export function badgeSvg(label: string, value: string, color = "#c2410c"): string {
  const lw = width(label);
  const vw = width(value);
  const total = lw + vw;
  const l = xml(label);
  const v = xml(value);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${total}" height="20" role="img" aria-label="${l}: ${v}"><title>${l}: ${v}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="${total}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${color}"/><rect width="${total}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"><text x="${lw / 2}" y="14">${l}</text><text x="${lw + vw / 2}" y="14">${v}</text></g></svg>`;
}
