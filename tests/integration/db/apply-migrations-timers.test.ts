import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { createAdapterFactory } from "@/lib/db/create-adapter-factory";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-migrate-timers-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const timers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

// Prisma's schema engine (WASM) sets a 10 s timer per connection and never clears it: `npm run
// db:migrate` sat idle for 10 s after "al día", and so did every script that migrates first. Its
// timers no longer hold the process (lib/db/apply-migrations.ts); they are not counted here as
// keeping the event loop alive.
it("applying the migrations leaves no timer of the schema engine holding the process", async () => {
  const before = timers();
  const handle = createAdapterFactory(`pglite:${dir}`);
  try {
    expect((await applyMigrations(handle.factory)).length).toBeGreaterThan(10);
    expect(await applyMigrations(handle.factory)).toEqual([]);
  } finally {
    await handle.close();
  }
  expect(timers()).toBeLessThanOrEqual(before);
});
