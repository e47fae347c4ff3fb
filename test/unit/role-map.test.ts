import { expect, test } from "vitest";
import { parseRoleMap, roleForClaim } from "@/lib/auth/role-map";

const map = (text: string) => {
  const parsed = parseRoleMap(text);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.map;
};

test("parses group:role pairs, trimming spaces and skipping empty entries", () => {
  expect([...map(" eng:editor, ops:admin ,,staff:viewer")]).toEqual([
    ["eng", "editor"],
    ["ops", "admin"],
    ["staff", "viewer"],
  ]);
  expect(map("").size).toBe(0);
});

test("a group may contain colons: the role follows the last one", () => {
  expect(map("urn:corp:eng:editor").get("urn:corp:eng")).toBe("editor");
});

test.each([
  ["eng", "is not group:role"],
  [":editor", "is not group:role"],
  ["eng:root", "the role must be one of viewer, editor, admin"],
  ["bots:runtime", "the role must be one of viewer, editor, admin"],
  ["eng:editor,eng:admin", 'group "eng" is mapped twice'],
])("refuses %j", (text, problem) => {
  const parsed = parseRoleMap(text);
  expect(parsed.ok).toBe(false);
  expect(!parsed.ok && parsed.problem).toContain(problem);
});

test("the highest mapped role wins, whatever the order of the groups", () => {
  const m = map("staff:viewer,eng:editor,ops:admin");
  expect(roleForClaim(["staff"], m, undefined)).toBe("viewer");
  expect(roleForClaim(["eng", "staff"], m, undefined)).toBe("editor");
  expect(roleForClaim(["staff", "ops", "eng"], m, undefined)).toBe("admin");
});

test("one group as a string counts; unmapped groups and other values do not", () => {
  const m = map("eng:editor");
  expect(roleForClaim("eng", m, undefined)).toBe("editor");
  expect(roleForClaim(["marketing", 42, null], m, undefined)).toBeNull();
  expect(roleForClaim(undefined, m, undefined)).toBeNull();
  expect(roleForClaim({ eng: true }, m, undefined)).toBeNull();
});

test("with no mapped group, the default role applies when set, else the user is refused", () => {
  const m = map("eng:editor");
  expect(roleForClaim(["marketing"], m, "viewer")).toBe("viewer");
  expect(roleForClaim(["marketing"], m, undefined)).toBeNull();
  // A mapped group still wins over the default.
  expect(roleForClaim(["eng"], m, "viewer")).toBe("editor");
});
