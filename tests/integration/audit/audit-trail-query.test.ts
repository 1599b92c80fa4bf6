import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";
import { parseAuditFilter, type TAuditFilter } from "@/lib/audit/audit-filter";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { streamAuditCsv } from "@/lib/audit/stream-audit-csv";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import { readCsvRecords } from "@/lib/registry/csv/read-csv-records";
import type { Case, PrismaClient } from "@/lib/generated/prisma/client";
import { transition } from "@/lib/workflow/transition";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";
import { seedWorld, type TWorld } from "../workflow/seed-world";

// Issue #14 §3: "/admin/auditoria: filter by date, actor, action, case or account; CSV export."
let tdb: TTestDatabase;
let db: PrismaClient;
let w: TWorld;
let first: Case;
let second: Case;

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  tdb = await createTestDatabase();
  db = tdb.prisma;
  w = await seedWorld(db);
  // Two cases on two days (Guatemala time, UTC−6), and an account event about the reviewer.
  const a = await createDraftCase(w.citizen, { procedure: "GRADUATION_RECORD" }, { db, now: at("2026-03-02T15:00:00Z") });
  first = await transition(a.id, "submit", w.citizen, {}, a.version, { db, now: at("2026-03-02T16:00:00Z"), ip: "10.1.1.1" });
  const b = await createDraftCase(w.otherCitizen, { procedure: "GRADUATION_RECORD" }, { db, now: at("2026-03-04T05:30:00Z") });
  second = await transition(b.id, "submit", w.otherCitizen, {}, b.version, { db, now: at("2026-03-04T05:45:00Z") });
  await appendAuditEvent(db, {
    data: { actorId: w.manager.id, role: "ADMIN", action: "admin.update_account", note: "Cambio de roles, con \"comillas\", y coma", createdAt: at("2026-03-05T12:00:00Z"), data: { userId: w.reviewerA.id, changes: { roles: ["DIDEDUC_REVIEWER"] } } },
  });
});
afterAll(async () => {
  await tdb?.drop();
});

const list = (f: TAuditFilter, pageSize?: number) => listAuditEvents(f, { db, pageSize });
const actions = async (f: TAuditFilter) => (await list(f)).rows.map((r) => `${r.action}:${r.case?.number ?? "-"}`);

describe("listAuditEvents (the filters of /admin/auditoria)", () => {
  it("lists everything newest first", async () => {
    expect(await actions({})).toEqual(["admin.update_account:-", `submit:${second.number}`, `create:${second.number}`, `submit:${first.number}`, `create:${first.number}`]);
  });

  it("filters by a date range of Guatemala days, both ends included", async () => {
    // 2026-03-04T05:30Z is still 3 March in Guatemala.
    expect(await actions({ desde: "2026-03-03", hasta: "2026-03-03" })).toEqual([`submit:${second.number}`, `create:${second.number}`]);
    expect(await actions({ hasta: "2026-03-02" })).toEqual([`submit:${first.number}`, `create:${first.number}`]);
    expect(await actions({ desde: "2026-03-05" })).toEqual(["admin.update_account:-"]);
  });

  it("filters by actor (e-mail or part of the name), action, case number (in part) and account concerned", async () => {
    expect(await actions({ autor: "other-citizen@example.test" })).toEqual([`submit:${second.number}`, `create:${second.number}`]);
    expect(await actions({ autor: "MANAG" })).toEqual(["admin.update_account:-"]);
    expect(await actions({ accion: "submit" })).toEqual([`submit:${second.number}`, `submit:${first.number}`]);
    expect(await actions({ caso: first.number.slice(-6) })).toEqual([`submit:${first.number}`, `create:${first.number}`]);
    expect(await actions({ caso: first.number.toLowerCase() })).toEqual([`submit:${first.number}`, `create:${first.number}`]);
    expect(await actions({ cuenta: "reviewer-a@example.test" })).toEqual(["admin.update_account:-"]);
    expect(await actions({ accion: "submit", autor: "citizen@example.test" })).toEqual([`submit:${first.number}`]);
  });

  it("finds nothing, rather than everything, when a filter names no one or no case", async () => {
    expect(await actions({ autor: "nadie@example.test" })).toEqual([]);
    expect(await actions({ caso: "ZZ-1999" })).toEqual([]);
    expect(await actions({ cuenta: "nadie@example.test" })).toEqual([]);
  });

  it("pages by keyset, older and back to newer, without repeating or skipping an event", async () => {
    const p1 = await list({}, 2);
    expect(p1.newerCursor).toBeNull();
    const p2 = await list({ antes: p1.olderCursor! }, 2);
    const p3 = await list({ antes: p2.olderCursor! }, 2);
    expect(p3.olderCursor).toBeNull();
    const all = (await list({})).rows.map((r) => r.id);
    expect([...p1.rows, ...p2.rows, ...p3.rows].map((r) => r.id)).toEqual(all);
    const back = await list({ despues: p3.newerCursor! }, 2);
    expect(back.rows.map((r) => r.id)).toEqual(p2.rows.map((r) => r.id));
    expect(back.newerCursor).toBe(p2.rows[0].id);
  });

  it("reports a malformed filter next to its field and keeps the others", () => {
    const r = parseAuditFilter({ desde: "02/03/2026", accion: "submit", hasta: "2026-03-01" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors.desde).toBe("Use el formato AAAA-MM-DD.");
    expect(r.filter).toMatchObject({ accion: "submit", hasta: "2026-03-01" });
    const reversed = parseAuditFilter({ desde: "2026-03-05", hasta: "2026-03-01" });
    expect(reversed.ok ? null : reversed.fieldErrors.hasta).toBe("La fecha final no puede ser anterior a la inicial.");
  });
});

async function csvOf(f: TAuditFilter, limit?: number): Promise<string[][]> {
  const chunks: Buffer[] = [];
  for await (const c of streamAuditCsv(f, { db, limit })) chunks.push(Buffer.from(c));
  const text = Buffer.concat(chunks).toString("utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  for await (const r of readCsvRecords([text], { delimiter: "," })) rows.push(r.fields);
  return rows;
}

describe("the CSV export", () => {
  it("holds the filtered events with Spanish labels, quoted safely, hashes included", async () => {
    const rows = await csvOf({ desde: "2026-03-02", hasta: "2026-03-02" });
    expect(rows[0]).toEqual(["evento", "fecha (UTC)", "acción", "código de acción", "autor", "correo del autor", "rol", "caso", "estado anterior", "estado nuevo", "nota", "IP", "datos", "hash anterior", "hash"]);
    expect(rows).toHaveLength(3);
    const submit = rows[1];
    expect(submit.slice(1, 8)).toEqual(["2026-03-02T16:00:00.000Z", "Solicitud enviada", "submit", "citizen", "citizen@example.test", "CITIZEN", first.number]);
    expect(submit[11]).toBe("10.1.1.1");
    const stored = await db.auditEvent.findUniqueOrThrow({ where: { id: BigInt(submit[0]) } });
    expect(submit.slice(13)).toEqual([stored.prevHash, stored.hash]);

    const [, account] = await csvOf({ accion: "admin.update_account" });
    expect(account[2]).toBe("Cuenta modificada (datos o roles)");
    expect(account[10]).toBe('Cambio de roles, con "comillas", y coma');
    expect(JSON.parse(account[12])).toEqual({ userId: w.reviewerA.id, changes: { roles: ["DIDEDUC_REVIEWER"] } });
  });

  it("is bounded, and says so in its last line when the filter matched more", async () => {
    const rows = await csvOf({}, 3);
    expect(rows).toHaveLength(1 + 3 + 1);
    expect(rows.at(-1)![2]).toBe("Exportación limitada a 3 eventos: acote las fechas para obtener el resto.");
  });
});
