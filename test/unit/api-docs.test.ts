import fs from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { renderApiMarkdown } from "@/scripts/api-docs";

test("docs/API.md is what the contract generates (run `npm run docs:api` after changing lib/contract)", () => {
  const committed = fs.readFileSync(path.join(import.meta.dirname, "../../docs/API.md"), "utf8");
  expect(committed).toBe(renderApiMarkdown());
});
