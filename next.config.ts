import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Bundled, PGlite and its adapter fail every query; argon2 ships a native binary.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "@prisma/schema-engine-wasm"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
