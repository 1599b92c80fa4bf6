import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/security/security-headers";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/validation/action-body-limit";

const nextConfig: NextConfig = {
  // Bundled, PGlite and its adapter fail every query; argon2 ships a native binary.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "@prisma/schema-engine-wasm"],
  // Several builds side by side (parallel test runs on one checkout) each set their own.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm test` (scripts/test.sh) generates the route types (`next typegen`) and type-checks the
  // whole project with them (tsc) before it builds: its build skips a second pass over the same
  // files. Every other build (npm start, npm run build) checks the types itself.
  typescript: { ignoreBuildErrors: process.env.CERTIFICA_TYPES_CHECKED === "1" },
  typedRoutes: false,
  experimental: {
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
  },
  // The headers every response carries, pages or not (route handlers, PDFs, static files). The
  // per-request ones (CSP with its nonce, frame denial, HSTS) are proxy.ts's: see
  // lib/security/security-headers.ts.
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
};

export default nextConfig;
