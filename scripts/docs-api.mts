/** `npm run docs:api`: writes docs/API.md from the contract. */
import fs from "node:fs";
import path from "node:path";
import { renderApiMarkdown } from "./api-docs";

const file = path.join(import.meta.dirname, "..", "docs", "API.md");
fs.writeFileSync(file, renderApiMarkdown());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
