#!/usr/bin/env node
// The `lineage` command: loads the TypeScript CLI through tsx, scoped to this import.
import { tsImport } from "tsx/esm/api";

const { main } = await tsImport("../lib/cli/main.ts", import.meta.url);
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});
