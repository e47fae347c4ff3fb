import fc from "fast-check";
import { DESCRIPTION_MAX_CHARS, NAME_MAX_CHARS, SCRIPT_MAX_BYTES } from "@/lib/contract/limits";

/** Strings that have broken other systems: injections, odd unicode, control characters. */
export const hostileConstants = [
  "' OR 1=1 --",
  "'; DROP TABLE patches; --",
  "%' OR '%'='",
  "\\'; SELECT pg_sleep(10); --",
  "$1",
  "../../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "<script>alert(1)</script>",
  "${7*7}",
  "{{7*7}}",
  '{"$gt": ""}',
  "__proto__",
  "constructor",
  "\u0000",
  "a\u0000b",
  "\r\nX-Injected: 1",
  "\u202emy-env",
  "my\u200b-env",
  "\ufeffmy-env",
  "\ud800",
  "\udfff\ud800",
  "ｍｙ-ｅｎｖ",
  "my-еnv", // Cyrillic е
  "MY-ENV",
  "ı",
  "e\u0301\u0301\u0301",
  "🧪🔥",
  " ",
  "\t",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e400",
  "snap_",
  "snap_../x",
  "sbx_ a",
  "pat_\u00e9",
];

/** Any string, weighted towards the hostile ones and towards every unicode plane. */
export const hostileString = (maxLength = 80) =>
  fc.oneof(
    fc.constantFrom(...hostileConstants),
    fc.string({ unit: "binary", maxLength }),
    fc.string({ unit: "grapheme", maxLength }),
    fc.string({ maxLength }),
  );

/** A string over a field limit: names, token names and search terms, secrets, Idempotency-Keys, descriptions, scripts. */
export const oversizeString = fc
  .tuple(fc.constantFrom(NAME_MAX_CHARS + 1, 101, 201, 256, DESCRIPTION_MAX_CHARS + 1, SCRIPT_MAX_BYTES + 1), fc.constantFrom("a", "é", "🧪", "-", "1"))
  .map(([length, char]) => char.repeat(length));

/** JSON values of every type, for "wrong type" mutations. */
export const anyJsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, [], {}, [null], { "": "" }),
);
