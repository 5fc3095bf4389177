import "server-only";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { parseVariantSegment, RENDERED_PREFIX, type Variant } from "./rendered";

const PATH_TAG = `_N_T_${RENDERED_PREFIX}/`;

/**
 * The variant (language, theme) of the rendered page being made, or null in any other render.
 *
 * The root layout needs it (`<html lang data-theme>`, the header's words), but a root layout receives no params, and
 * the cached route is `force-static`, so it sees no cookies or headers either; `next/root-params` would need the
 * root layout itself inside the variant's segment, i.e. every page moved under it. What the render does know is its
 * own path: Next puts it in the render's implicit tags (`_N_T_/rendered/<variant>/…`, the tag `revalidatePath`
 * uses). Read from Next's work-unit store (pinned Next 16.4; e2e/page-cache.spec.ts fails if this stops working),
 * and only in a render of the internal route (the proxy refuses that path from outside).
 */
export function renderedVariant(): Variant | null {
  if (!workAsyncStorage.getStore()?.route.startsWith(`${RENDERED_PREFIX}/`)) return null;
  const tags = workUnitAsyncStorage.getStore()?.implicitTags?.tags ?? [];
  for (const tag of tags) {
    if (!tag.startsWith(PATH_TAG)) continue;
    const variant = parseVariantSegment(tag.slice(PATH_TAG.length).split("/")[0] ?? "");
    if (variant) return variant;
  }
  return null;
}
