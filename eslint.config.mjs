// ESLint (flat config): Next.js's rules with React Hooks (including the React Compiler checks
// such as refs read or written during render), TypeScript's, and a few type-aware rules that
// catch real bugs cheaply (promises nobody awaits or catches).
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next*/**", ".data*/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "bin/**"]),
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // The database layer is the ground the domain stands on: it may know the contract's enums and
    // shapes and the config's type, never the domain above it (start-up wiring lives in lib/boot.ts).
    files: ["lib/db/**"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{
          group: ["../*", "!../contract", "!../contract/*", "!../config", "!../sandbox-summary", "@/*"],
          message: "lib/db imports nothing from the domain: move the wiring to lib/boot.ts.",
        }],
      }],
    },
  },
  {
    // Tests read answer bodies freely: the test app checks each one against its route's schema.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
]);
