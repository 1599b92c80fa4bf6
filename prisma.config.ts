import { defineConfig } from "prisma/config";

// The CLI is used only for `generate` here; migrations go through scripts/migrate.mts
// (the WASM schema engine), so no datasource URL is needed at generate time.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
