// The "process" project's template database: its own, because `npm test` starts it after the build
// while the integration project may still be cloning its template (which a global setup drops and
// re-creates). Derived from TEST_TEMPLATE_DB, so parallel runs that set their own stay apart.
export function processTemplateDb(env: Record<string, string | undefined> = process.env): string {
  return `${env.TEST_TEMPLATE_DB || "certifica_test_template"}_process`;
}
