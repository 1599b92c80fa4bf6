import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every audit event joins the installation's one hash chain, so every write goes through
// lib/audit/append-audit-event.ts. This fails on any other way of creating (or rewriting) rows of
// AuditEvent in the application, its scripts or its seed. Tests may tamper on purpose.
const ROOT = path.resolve(__dirname, "../../..");
const SCANNED = ["lib", "app", "components", "scripts", "prisma/seed", "auth.ts", "auth.config.ts", "proxy.ts", "instrumentation.ts"];
// bench-queues.mts and bench-stats.mts write millions of unchained events into their own scratch
// database (never the app's) to time the queues and the dashboards; they drop the chain's check there first.
const ALLOWED = new Set(["lib/audit/append-audit-event.ts", "lib/audit/chain-legacy-audit-events.ts", "scripts/bench-queues.mts", "scripts/bench-stats.mts"]);
const FORBIDDEN: [RegExp, string][] = [
  [/\bauditEvents?\s*\.\s*(create|createMany|createManyAndReturn|upsert|update|updateMany|delete|deleteMany)\s*\(/, "a Prisma write on auditEvent"],
  [/\bauditEvents\s*:\s*\{\s*(create|createMany|connectOrCreate|upsert)\b/, "a nested create of audit events"],
  [/(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?AuditEvent"?/i, "SQL that writes AuditEvent"],
];

function* sourceFiles(rel: string): Generator<string> {
  const abs = path.join(ROOT, rel);
  if (!fs.existsSync(abs)) return;
  const stat = fs.statSync(abs);
  if (stat.isFile()) {
    if (/\.(ts|tsx|mts|mjs|js|cjs|sql)$/.test(rel)) yield rel;
    return;
  }
  for (const entry of fs.readdirSync(abs)) {
    if (entry === "node_modules" || entry === "generated" || entry.startsWith(".")) continue;
    yield* sourceFiles(path.join(rel, entry));
  }
}

export function findAuditWritesOutsideFunnel(): string[] {
  const found: string[] = [];
  for (const root of SCANNED) {
    for (const rel of sourceFiles(root)) {
      if (ALLOWED.has(rel)) continue;
      const text = fs.readFileSync(path.join(ROOT, rel), "utf8");
      for (const [pattern, what] of FORBIDDEN) if (pattern.test(text)) found.push(`${rel}: ${what}`);
    }
  }
  return found;
}

describe("audit events are written only by appendAuditEvent", () => {
  it("no application code creates, updates or deletes AuditEvent rows another way", () => {
    expect(findAuditWritesOutsideFunnel()).toEqual([]);
  });

  it("the check recognizes each forbidden form (so it cannot pass by matching nothing)", () => {
    const samples = [
      "await tx.auditEvent.create({ data })",
      "db.auditEvent.createMany({ data: [] })",
      "await prisma.auditEvent.update({ where, data })",
      "case: { create: { auditEvents: { create: { action: 'x' } } } }",
      'tx.$executeRaw`INSERT INTO "AuditEvent" ("action") VALUES (1)`',
    ];
    for (const s of samples) expect(FORBIDDEN.some(([p]) => p.test(s)), s).toBe(true);
    expect(FORBIDDEN.some(([p]) => p.test("await appendAuditEvent(tx, { data })"))).toBe(false);
    expect(FORBIDDEN.some(([p]) => p.test("db.auditEvent.findMany({ where })"))).toBe(false);
  });
});
