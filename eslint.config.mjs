// ESLint: Next.js's rules (React, hooks, accessibility, Core Web Vitals) and typescript-eslint's
// recommended set. Formatting is Prettier's job, not the linter's.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (a handler's unused request, a skipped tuple slot).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      // Images in the dashboard are users' artifacts behind authorization (and one static logo):
      // Next's optimizer would fetch them server-side without the viewer's credentials.
      "@next/next/no-img-element": "off",
    },
  },
  {
    // Tests and benchmarks hold no React: `useFreshHarness()` is a fixture, not a hook. Their API
    // helpers return parsed JSON as `any` on purpose: the assertions are the type check.
    files: ["test/**", "bench/**", "e2e/**"],
    rules: {
      "react-hooks/rules-of-hooks": "off",
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    "node_modules/**",
    "lib/db/generated/**",
    "prisma/postgres/**",
    "data/**",
    "test-results/**",
    "playwright-report/**",
    "bench/results/**",
    "packages/*/dist/**",
    "next-env.d.ts",
  ]),
]);
