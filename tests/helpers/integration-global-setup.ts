import pg from "pg";
import { createAdapterFactory } from "../../lib/db/create-adapter-factory";
import { applyMigrations } from "../../lib/db/apply-migrations";

// Integration tests run against a real PostgreSQL server (TEST_DATABASE_URL, an admin URL such
// as postgresql://postgres@127.0.0.1:55432/postgres). A template database is migrated once;
// every test file then clones it, which takes milliseconds.
// Parallel runs (several developers on one server) each set their own TEST_TEMPLATE_DB.
export const TEMPLATE_DB = process.env.TEST_TEMPLATE_DB || "certifica_test_template";

export default async function setup() {
  await migrateTemplate(TEMPLATE_DB);
}

// Creates `templateDb` afresh and migrates it (the process project migrates its own).
export async function migrateTemplate(templateDb: string) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl || !/^postgres(ql)?:\/\//.test(adminUrl)) {
    throw new Error("Integration tests need TEST_DATABASE_URL=postgresql://… (a real PostgreSQL server). `npm test` starts one.");
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${templateDb} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${templateDb}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${templateDb}`;
  const handle = createAdapterFactory(url.toString());
  await applyMigrations(handle.factory);
  await handle.close();
  // The pool must be gone before the template can be cloned.
  await new Promise((r) => setTimeout(r, 200));
}
