import { z } from "zod";

/** Why a maintainer or admin made a change: required, shown in the audit log and to participants. */
export const ZReason = z.string({ error: "say why" }).trim().min(3, { error: "say why (at least 3 characters)" }).max(500, { error: "at most 500 characters" });

/** A database id from a form field. */
export const zId = (what: string) => z.coerce.number({ error: `expected ${what}` }).int({ error: `expected ${what}` }).positive({ error: `expected ${what}` });
