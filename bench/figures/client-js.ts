import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";
import { z } from "zod";
import { result, skipped, type BenchResult } from "../report";

const NEXT = ".next";
const PAGE = "/seasons/[slug]/page";
const FIGURE = "client JS of the ranking page (gzip)";
const TARGET = { op: "<=" as const, value: 100, stat: "median" as const };

const ZBuildManifest = z.object({ rootMainFiles: z.array(z.string()).default([]), polyfillFiles: z.array(z.string()).default([]) });
const ZAppBuildManifest = z.object({ pages: z.record(z.string(), z.array(z.string())) });
const ZClientReferenceManifest = z.object({ entryJSFiles: z.record(z.string(), z.array(z.string())).default({}) });

/** Script URLs a page's HTML loads (`/_next/static/…js`), without `noModule` polyfills. */
export function scriptsOfHtml(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attrs = m[1] ?? "";
    if (/\bnomodule\b/i.test(attrs)) continue;
    const src = /\bsrc="([^"]+)"/i.exec(attrs)?.[1];
    if (src && /^\/_next\/static\/.+\.js(\?.*)?$/.test(src)) out.push(src.replace(/\?.*$/, ""));
  }
  return [...new Set(out)];
}

/** The JS files the built ranking page loads, from the build's manifests (relative to .next). */
export function scriptsOfManifests(root = NEXT): { files: string[]; source: string } | null {
  const appBuild = path.join(root, "app-build-manifest.json");
  if (fs.existsSync(appBuild)) {
    const files = ZAppBuildManifest.parse(JSON.parse(fs.readFileSync(appBuild, "utf8"))).pages[PAGE];
    if (files) return { files: files.filter((f) => f.endsWith(".js")), source: "app-build-manifest.json" };
  }
  const build = path.join(root, "build-manifest.json");
  const clientRefs = path.join(root, "server", "app", "seasons", "[slug]", "page_client-reference-manifest.js");
  if (!fs.existsSync(build) || !fs.existsSync(clientRefs)) return null;
  const { rootMainFiles } = ZBuildManifest.parse(JSON.parse(fs.readFileSync(build, "utf8")));
  // The manifest is a script that assigns to globalThis.__RSC_MANIFEST: run it in an empty context and read it.
  const context: Record<string, unknown> = {};
  vm.runInNewContext(fs.readFileSync(clientRefs, "utf8"), context, { timeout: 1000 });
  const manifests = z.record(z.string(), z.unknown()).parse(context.__RSC_MANIFEST);
  const { entryJSFiles } = ZClientReferenceManifest.parse(manifests[PAGE] ?? {});
  const files = [...rootMainFiles, ...Object.values(entryJSFiles).flat()];
  return { files: [...new Set(files)].filter((f) => f.endsWith(".js")), source: "build-manifest.json + page_client-reference-manifest.js" };
}

function gzipBytes(files: string[], root: string): { gzip: number; raw: number; missing: string[] } {
  let gzip = 0;
  let raw = 0;
  const missing: string[] = [];
  for (const f of files) {
    const file = path.join(root, f.replace(/^\/_next\//, "").replace(/^\//, ""));
    if (!fs.existsSync(file)) {
      missing.push(f);
      continue;
    }
    const buf = fs.readFileSync(file);
    raw += buf.length;
    gzip += zlib.gzipSync(buf).length;
  }
  return { gzip, raw, missing };
}

/**
 * Figure 4: gzipped bytes of the JS the ranking page makes a browser load: the `<script>` tags of the page's HTML
 * when a server rendered it during this run, else the build's manifests. Polyfills served as `noModule` are left out.
 */
export function clientJs(rankingHtml: string | null, root = NEXT): BenchResult {
  if (!fs.existsSync(path.join(root, "BUILD_ID"))) return skipped("any", "none", FIGURE, "kB", "no production build (.next); run `npm run build` first", TARGET);
  let fromManifest: { files: string[]; source: string } | null = null;
  try {
    fromManifest = scriptsOfManifests(root);
  } catch (e) {
    fromManifest = null;
    if (!rankingHtml) return skipped("any", "none", FIGURE, "kB", `could not read the build manifests: ${(e as Error).message}`, TARGET);
  }
  const htmlFiles = rankingHtml ? scriptsOfHtml(rankingHtml) : [];
  const files = htmlFiles.length > 0 ? htmlFiles : (fromManifest?.files ?? []);
  if (files.length === 0) return skipped("any", "none", FIGURE, "kB", "found no scripts for the ranking page in the build", TARGET);
  const sizes = gzipBytes(files, root);
  const other = htmlFiles.length > 0 && fromManifest ? gzipBytes(fromManifest.files, root) : null;
  const source = htmlFiles.length > 0 ? "the <script> tags of the rendered page" : (fromManifest?.source ?? "");
  return result({
    scale: "any",
    db: "none",
    figure: FIGURE,
    unit: "kB",
    median: sizes.gzip / 1000,
    n: files.length,
    target: TARGET,
    note:
      `${files.length} chunks from ${source}: ${(sizes.gzip / 1000).toFixed(1)} kB gzipped (zlib default level), ${(sizes.raw / 1000).toFixed(1)} kB raw` +
      (other ? `; the manifests list ${fromManifest?.files.length} chunks, ${(other.gzip / 1000).toFixed(1)} kB gzipped` : "") +
      (sizes.missing.length ? `; ${sizes.missing.length} files missing from .next/static` : "") +
      "; 1 kB = 1000 bytes; noModule polyfills excluded.",
  });
}
