import { z } from "zod";

/** A whole number of credits from a form field. */
export const zCredits = (what: string, min: number) =>
  z.coerce
    .number({ error: `expected ${what} as a whole number` })
    .int({ error: `expected ${what} as a whole number` })
    .min(min, { error: `expected ${what} of at least ${min}` })
    .max(1_000_000, { error: `expected ${what} of at most 1000000` });

// eslint-disable-next-line no-control-regex -- control characters (but tab and new lines) are exactly what this refuses
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Free text of a form: trimmed, in NFC, bounded, no control characters. */
export const zText = (max: number) =>
  z
    .string({ error: "expected text" })
    .trim()
    .transform((s) => s.normalize("NFC"))
    .pipe(z.string().max(max, { error: `at most ${max} characters` }).refine((s) => !CONTROL.test(s), { error: "expected text without control characters" }));

/** A gift's picture: an https URL with a host and no credentials, or nothing (an empty field). */
export const ZPictureUrl = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  z
    .string({ error: "expected an https URL" })
    .trim()
    .max(2000, { error: "at most 2000 characters" })
    .refine(
      (s) => {
        try {
          const u = new URL(s);
          return u.protocol === "https:" && u.hostname !== "" && u.username === "" && u.password === "";
        } catch {
          return false;
        }
      },
      { error: "expected an https URL (https://…)" },
    )
    .nullable(),
);
