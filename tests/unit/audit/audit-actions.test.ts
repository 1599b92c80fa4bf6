import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS } from "@/lib/audit/audit-actions";
import { PROCEDURE_DEFINITIONS } from "@/lib/workflow/definitions";

const ROOT = path.resolve(__dirname, "../../..");

function* files(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "generated") continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts")) yield p;
  }
}

describe("/admin/auditoria names every action in Spanish", () => {
  it("every workflow transition has a label", () => {
    const actions = new Set(Object.values(PROCEDURE_DEFINITIONS).flatMap((d) => d.transitions.map((t) => t.action)));
    expect([...actions].filter((a) => !AUDIT_ACTION_LABELS[a])).toEqual([]);
  });

  it("every action literal written by lib/ has a label", () => {
    const found = new Set<string>();
    for (const f of files(path.join(ROOT, "lib"))) {
      const text = fs.readFileSync(f, "utf8");
      for (const m of text.matchAll(/\baction: "([a-z_.]+)"/g)) found.add(m[1]);
      for (const m of text.matchAll(/_ACTIONS? = (?:\{([^}]*)\}|"([a-z_.]+)")/g)) {
        if (m[2]) found.add(m[2]);
        for (const v of (m[1] ?? "").matchAll(/"([a-z_.]+)"/g)) found.add(v[1]);
      }
    }
    expect(found.size).toBeGreaterThan(30);
    expect([...found].filter((a) => !AUDIT_ACTION_LABELS[a]).sort()).toEqual([]);
  });
});
