import { migrateTemplate } from "./integration-global-setup";
import { processTemplateDb } from "./process-template-db";

// The "process" project's global setup: the integration tests' migrated template, under its own
// name (process-template-db.ts); vitest.config.mts hands the same name to the test files.
export default async function setup() {
  await migrateTemplate(processTemplateDb());
}
