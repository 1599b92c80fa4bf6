import path from "node:path";
import { defineConfig } from "vitest/config";
import { processTemplateDb } from "./tests/helpers/process-template-db";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // `server-only` throws outside a React Server environment; tests import server code directly.
      "server-only": path.resolve(__dirname, "tests/helpers/server-only-stub.ts"),
    },
  },
  test: {
    // A focused test (`.only`) left in a commit would silently skip the rest of the suite: CI
    // (`.ci/run` sets CI=1) refuses it. Stated here rather than left to vitest's own CI detection.
    allowOnly: !process.env.CI,
    // next-auth imports "next/server" without an extension, which Node's ESM loader refuses: let
    // Vite resolve it (the session tests drive Auth.js's real handlers).
    server: { deps: { inline: ["next-auth"] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "lib/**/*.test.ts"],
          environment: "node",
          // The unit files share one module graph per worker instead of importing the domain again
          // each (≈ 40 % of the project's time). Each file leaves the process as it found it
          // (mocks, stubbed env and globals restored); the renders that must be the stock libraries'
          // undo the sheet renderer's process-wide preparations (tests/unit/pdf/unprepared-render.ts);
          // the setup file keeps pdfkit's own methods and sets up Node as Next.js's server does,
          // before any file runs, so no file depends on which one loaded a package first.
          isolate: false,
          setupFiles: ["tests/helpers/unit-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/helpers/integration-global-setup.ts"],
          // As the unit project: one module graph per worker instead of importing the domain, Prisma's
          // client and next-auth again for every file (most of the suite's import time). Each file
          // clones its own database; tests/helpers/integration-setup.ts puts back the environment
          // and the app's process-wide clients after it.
          isolate: false,
          setupFiles: ["tests/helpers/integration-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // scripts/serve.mts as a real process on the production build: run after `next build`
          // (scripts/test.sh), against the same PostgreSQL as the integration tests.
          name: "process",
          include: ["tests/process/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/helpers/process-global-setup.ts"],
          // The template process-global-setup.ts migrates, for the test files' clones.
          env: { TEST_TEMPLATE_DB: processTemplateDb() },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
