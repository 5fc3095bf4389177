import type { HttpAnswer } from "./graphql";

/** A deterministic identicon: a 5x5 symmetric pattern coloured from the login. */
export function avatarSvg(login: string): HttpAnswer {
  let h = 2166136261;
  for (const ch of login.toLowerCase()) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const hue = h % 360;
  let cells = "";
  for (let y = 0; y < 5; y++) {
    for (let x = 0; x < 3; x++) {
      if ((h >>> (y * 3 + x)) & 1) {
        cells += `<rect x="${x * 20 + 10}" y="${y * 20 + 10}" width="20" height="20"/>`;
        if (x < 2) cells += `<rect x="${(4 - x) * 20 + 10}" y="${y * 20 + 10}" width="20" height="20"/>`;
      }
    }
  }
  const body = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120"><rect width="120" height="120" fill="hsl(${hue} 30% 92%)"/><g fill="hsl(${hue} 55% 45%)">${cells}</g></svg>`;
  return { status: 200, headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400" }, body };
}
