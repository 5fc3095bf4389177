import { z } from "zod";

/**
 * A yes/no field of a form. `z.coerce.boolean()` is `Boolean(value)`, so the string "false" is true;
 * zod's `stringbool` reads "true"/"false" (and on/off, 1/0, yes/no) and refuses anything else.
 * A real boolean passes too (actions called from code).
 */
export const ZFormBoolean = z.union([z.boolean(), z.stringbool({ error: "expected true or false" })], { error: "expected true or false" });
