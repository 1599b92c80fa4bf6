import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Bundled, PGlite and its adapter fail every query; argon2 ships a native binary.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "@prisma/schema-engine-wasm"],
  // Several builds side by side (parallel test runs on one checkout) each set their own.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
