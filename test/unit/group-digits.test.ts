import fc from "fast-check";
import { expect, test } from "vitest";
import { groupDigits } from "@/lib/group-digits";
import { formatGeneration } from "@/lib/graph/deep-chain";
import { formatCount } from "@/lib/ui/fleet";

test("whole numbers are grouped exactly as Intl's en-US grouping does, with the separator asked for", () => {
  fc.assert(
    fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
      const intl = n.toLocaleString("en-US");
      expect(groupDigits(n, ",")).toBe(intl);
      expect(formatCount(n)).toBe(intl);
      expect(formatGeneration(n)).toBe(intl.replaceAll(",", "\u202f"));
    }),
  );
  expect(groupDigits(999, ",")).toBe("999");
  expect(groupDigits(1000, ",")).toBe("1,000");
  expect(groupDigits(1_000_000, ",")).toBe("1,000,000");
});
