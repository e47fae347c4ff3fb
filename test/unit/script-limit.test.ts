import { expect, test } from "vitest";
import { script } from "@/lib/contract/fields";
import { SCRIPT_MAX_BYTES, scriptFits, utf8Bytes } from "@/lib/contract/limits";

// The attach form asks scriptFits; the API validates with the contract's script schema.
test.each([
  ["one-byte characters at the limit", "x".repeat(SCRIPT_MAX_BYTES), true],
  ["two-byte characters at the limit", "é".repeat(SCRIPT_MAX_BYTES / 2), true],
  ["four-byte characters at the limit", "🧪".repeat(SCRIPT_MAX_BYTES / 4), true],
  ["two-byte characters, one byte over", `${"é".repeat(SCRIPT_MAX_BYTES / 2)}x`, false],
  ["fewer characters than the limit but more bytes", "é".repeat(SCRIPT_MAX_BYTES / 2 + 1), false],
])("%s: the form and the API agree", (_, text, fits) => {
  expect(utf8Bytes(text) <= SCRIPT_MAX_BYTES).toBe(fits);
  expect(scriptFits(text)).toBe(fits);
  expect(script.safeParse(text).success).toBe(fits);
});
