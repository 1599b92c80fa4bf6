import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TSessionUser } from "@/lib/auth/session-user";
import { createDraftCase } from "@/lib/cases/create-draft-case";
import { QUEUE_COUNT_CAP, listCaseQueue } from "@/lib/cases/list-case-queue";
import type { CaseState, Procedure, Role } from "@/lib/generated/prisma/enums";
import { transition } from "@/lib/workflow/transition";
import { createSessionUser, createTestDideduc } from "../../helpers/database-fixtures";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

// Issue #14, work queues on PostgreSQL: "Requiere mi acción" per role (what is listed and what is
// left out), days waiting (stage entry from the audit trail), search by CUI and by any part of the
// case number, the central queue's DIDEDUC filter, and the count that stops at 10 000.
let tdb: TTestDatabase;
let citizen: TSessionUser;
let reviewerGN: TSessionUser;
let signerGN: TSessionUser;
let assistant: TSessionUser;
let coordinator: TSessionUser;
let manager: TSessionUser;
let gn: string;
let xela: string;
const opts = () => ({ db: tdb.prisma });
let seq = 0;

const user = (email: string, roles: Role[], dideducId: string | null, extra: { cui?: string; name?: string } = {}) =>
  createSessionUser(tdb.prisma, email, roles, dideducId, { name: extra.name ?? email.split("@")[0], cui: extra.cui });

// A case placed in a state directly (the queue reads states; the workflow's own tests cover how a case gets there).
async function placed(procedure: Procedure, state: CaseState, dideducId: string | null, submittedAt: Date, applicant = citizen) {
  seq += 1;
  return tdb.prisma.case.create({
    data: {
      number: `ZZ-2026-${String(seq).padStart(6, "0")}`,
      procedure,
      state,
      applicantId: applicant.id,
      dideducId,
      submittedAt,
      createdAt: submittedAt,
      formData: { student: { firstNames: "Ana", lastNames: `Caso ${seq}` } },
    },
  });
}

const ids = (r: { rows: { id: string }[] }) => r.rows.map((x) => x.id);

beforeAll(async () => {
  tdb = await createTestDatabase();
  gn = await createTestDideduc(tdb.prisma, "gn", "Guatemala Norte");
  xela = await createTestDideduc(tdb.prisma, "xela", "Quetzaltenango");
  citizen = await user("ciudadana@example.test", ["CITIZEN"], null, { cui: "2345678900101", name: "Rosa Tzul Pérez" });
  reviewerGN = await user("revisora.gn@example.test", ["DIDEDUC_REVIEWER"], gn);
  signerGN = await user("director.gn@example.test", ["DIDEDUC_SIGNER"], gn);
  assistant = await user("asistente@example.test", ["CENTRAL_ASSISTANT"], null);
  coordinator = await user("coordinadora@example.test", ["CENTRAL_COORDINATOR"], null);
  manager = await user("encargado@example.test", ["CENTRAL_MANAGER"], null);
});
afterAll(async () => {
  await tdb?.drop();
});

describe('"Requiere mi acción"', () => {
  const day = (d: number) => new Date(Date.UTC(2026, 0, d, 15));
  let c: Record<string, { id: string }>;
  beforeAll(async () => {
    c = {
      reviewNew: await placed("EDUCATIONAL_RECORD", "DIDEDUC_REVIEW", gn, day(9)),
      reviewOld: await placed("DIPLOMA_BEFORE_2005", "DIDEDUC_REVIEW", gn, day(2)),
      reviewXela: await placed("EDUCATIONAL_RECORD", "DIDEDUC_REVIEW", xela, day(1)),
      correction: await placed("EDUCATIONAL_RECORD", "NEEDS_CORRECTION", gn, day(3)),
      signature: await placed("EDUCATIONAL_RECORD", "DIDEDUC_SIGNATURE", gn, day(4)),
      centralEE: await placed("EDUCATIONAL_RECORD", "CENTRAL_REVIEW", gn, day(5)),
      centralTB: await placed("DIPLOMA_FROM_2005", "CENTRAL_REVIEW", null, day(6)),
      centralCT: await placed("SWORN_TRANSLATION", "CENTRAL_REVIEW", null, day(7)),
      managerRT: await placed("TRANSLATOR_REGISTRATION", "MANAGER_REVIEW", null, day(8)),
      issued: await placed("EDUCATIONAL_RECORD", "ISSUED", gn, day(1)),
      rejected: await placed("EDUCATIONAL_RECORD", "REJECTED", gn, day(1)),
      revoked: await placed("DIPLOMA_FROM_2005", "REVOKED", null, day(1)),
      registered: await placed("TRANSLATOR_REGISTRATION", "REGISTERED", null, day(1)),
    };
  });

  it('"Departamento Técnico Pedagógico ... revisa": the reviewer\'s work is her DIDEDUC\'s cases in review, oldest first; corrections, signatures, central and finished cases are not', async () => {
    const mine = await listCaseQueue({ actor: reviewerGN, segment: "dideduc", mine: true }, opts());
    expect(ids(mine)).toEqual([c.reviewOld.id, c.reviewNew.id]);
    // One filter away: every state of her queue.
    const all = await listCaseQueue({ actor: reviewerGN, segment: "dideduc" }, opts());
    expect(ids(all)).toEqual(expect.arrayContaining([c.correction.id, c.signature.id, c.centralEE.id, c.issued.id, c.rejected.id]));
    expect(ids(all)).not.toContain(c.reviewXela.id);
  });

  it('"Dirección Departamental ... firma": the director\'s work is the certifications awaiting his signature, nothing in review', async () => {
    expect(ids(await listCaseQueue({ actor: signerGN, segment: "direccion", mine: true }, opts()))).toEqual([c.signature.id]);
  });

  it("the central assistant's and the coordinator's work is every procedure awaiting central review, not the Encargado's D.4 nor issued cases (revocation is not pending work)", async () => {
    const expected = [c.centralEE.id, c.centralTB.id, c.centralCT.id];
    expect(ids(await listCaseQueue({ actor: assistant, segment: "atencion", mine: true }, opts()))).toEqual(expected);
    expect(ids(await listCaseQueue({ actor: coordinator, segment: "atencion", mine: true }, opts()))).toEqual(expected);
  });

  it('"Encargado de Atención al Ciudadano": the manager\'s work is the translators\' registrations to decide, not the assistants\' reviews', async () => {
    expect(ids(await listCaseQueue({ actor: manager, segment: "atencion", mine: true }, opts()))).toEqual([c.managerRT.id]);
  });

  it("a member of staff delegated the reviewer's role by the director works the review queue of that DIDEDUC; once revoked, none", async () => {
    const staff = await user("asistente.gn@example.test", [], gn);
    const delegation = await tdb.prisma.delegation.create({
      data: { dideducId: gn, grantorId: signerGN.id, delegateId: staff.id, role: "DIDEDUC_REVIEWER", validFrom: day(1), validTo: new Date("2099-01-01") },
    });
    expect(ids(await listCaseQueue({ actor: staff, segment: "dideduc", mine: true }, opts()))).toEqual([c.reviewOld.id, c.reviewNew.id]);
    await tdb.prisma.delegation.update({ where: { id: delegation.id }, data: { revokedAt: new Date() } });
    expect(ids(await listCaseQueue({ actor: staff, segment: "dideduc", mine: true }, opts()))).toEqual([]);
  });

  it("a person with both DIDEDUC roles sees in each queue the work of that queue's role", async () => {
    const both = await user("ambos.gn@example.test", ["DIDEDUC_REVIEWER", "DIDEDUC_SIGNER"], gn);
    expect(ids(await listCaseQueue({ actor: both, segment: "dideduc", mine: true }, opts()))).toEqual([c.reviewOld.id, c.reviewNew.id]);
    expect(ids(await listCaseQueue({ actor: both, segment: "direccion", mine: true }, opts()))).toEqual([c.signature.id]);
  });

  it("the central queue's DIDEDUC filter lists that DIDEDUC's cases only", async () => {
    const gnOnly = await listCaseQueue({ actor: assistant, segment: "atencion", dideducId: gn }, opts());
    expect(ids(gnOnly)).toContain(c.centralEE.id);
    expect(ids(gnOnly)).not.toContain(c.centralTB.id);
    expect(ids(await listCaseQueue({ actor: assistant, segment: "atencion", mine: true, dideducId: xela }, opts()))).toEqual([]);
  });
});

describe("days waiting and search", () => {
  it("each row carries when the case entered its current state (the audit event of that transition) besides its first submission", async () => {
    const submittedAt = new Date("2026-02-02T15:00:00Z");
    const returnedAt = new Date("2026-02-10T15:00:00Z");
    const resubmittedAt = new Date("2026-02-12T15:00:00Z");
    const draft = await createDraftCase(
      citizen,
      { procedure: "EDUCATIONAL_RECORD", dideducId: gn, formData: { student: { firstNames: "Ana", lastNames: "Espera Días" }, studies: [] } },
      { db: tdb.prisma, now: submittedAt },
    );
    const sent = await transition(draft.id, "submit", citizen, {}, draft.version, { db: tdb.prisma, now: submittedAt });
    const back = await transition(sent.id, "reject_for_correction", reviewerGN, { reason: "Falta el certificado de sexto grado." }, sent.version, {
      db: tdb.prisma,
      now: returnedAt,
    });
    await transition(back.id, "resubmit", citizen, {}, back.version, { db: tdb.prisma, now: resubmittedAt });

    const found = await listCaseQueue({ actor: reviewerGN, segment: "dideduc", mine: true, q: "espera" }, opts());
    expect(found.rows).toHaveLength(1);
    expect(found.rows[0].submittedAt).toEqual(submittedAt);
    expect(found.rows[0].stageSince).toEqual(resubmittedAt);
  });

  it("finds an applicant's cases by CUI, with or without spaces, and nobody's by an unknown CUI", async () => {
    const other = await user("otro@example.test", ["CITIZEN"], null, { cui: "1234567890101" });
    const hers = await placed("DIPLOMA_FROM_2005", "CENTRAL_REVIEW", null, new Date("2026-03-01T15:00:00Z"));
    const his = await placed("DIPLOMA_FROM_2005", "CENTRAL_REVIEW", null, new Date("2026-03-02T15:00:00Z"), other);
    const byCui = await listCaseQueue({ actor: assistant, segment: "atencion", q: "2345 67890 0101" }, opts());
    expect(ids(byCui)).toContain(hers.id);
    expect(ids(byCui)).not.toContain(his.id);
    expect(ids(await listCaseQueue({ actor: assistant, segment: "atencion", q: "1234567890101" }, opts()))).toEqual([his.id]);
    expect(ids(await listCaseQueue({ actor: assistant, segment: "atencion", q: "9999999999999" }, opts()))).toEqual([]);
  });

  it('finds a case by any part of its number ("000009", "2026-0000", lowercase prefix), and not by digits it lacks', async () => {
    const target = await tdb.prisma.case.create({
      data: { number: "TB-2026-000009", procedure: "DIPLOMA_FROM_2005", state: "CENTRAL_REVIEW", applicantId: citizen.id, submittedAt: new Date("2026-03-03T15:00:00Z") },
    });
    const decoy = await tdb.prisma.case.create({
      data: { number: "TB-2026-000090", procedure: "DIPLOMA_FROM_2005", state: "CENTRAL_REVIEW", applicantId: citizen.id, submittedAt: new Date("2026-03-04T15:00:00Z") },
    });
    expect(ids(await listCaseQueue({ actor: assistant, segment: "atencion", q: "000009" }, opts()))).toEqual([target.id]);
    expect(ids(await listCaseQueue({ actor: assistant, segment: "atencion", q: "tb-2026-00009" }, opts()))).toEqual([decoy.id]);
    expect(ids(await listCaseQueue({ actor: assistant, segment: "atencion", q: "6-000009" }, opts()))).toEqual([target.id]);
    expect(ids(await listCaseQueue({ actor: assistant, segment: "atencion", q: "777777" }, opts()))).toEqual([]);
    // Letters with digits are a name (or any word typed), not a number part.
    const word = await placed("DIPLOMA_FROM_2005", "CENTRAL_REVIEW", null, new Date("2026-03-05T15:00:00Z"));
    await tdb.prisma.case.update({ where: { id: word.id }, data: { searchTerms: ["qa3f9a1c"] } });
    expect(ids(await listCaseQueue({ actor: assistant, segment: "atencion", q: "Qa3f9a1c" }, opts()))).toEqual([word.id]);
  });
});

describe("the count stops at 10 000", () => {
  it('more matching cases than the cap: "más de 10 000", pages end at the cap, an exact count below it', async () => {
    const cap = QUEUE_COUNT_CAP;
    expect(cap).toBe(10_000);
    // Generated in SQL: the queue only reads them.
    await tdb.prisma.$executeRawUnsafe(
      `INSERT INTO "Case"(id, number, procedure, state, "applicantId", "dideducId", "submittedAt", "createdAt", "updatedAt")
       SELECT 'cap' || g, 'EE-2025-' || lpad(g::text, 6, '0'), 'EDUCATIONAL_RECORD', 'ISSUED', $1, $2, timestamp '2025-01-01' + g * interval '1 minute', now(), now()
       FROM generate_series(1, ${cap + 5}) g`,
      citizen.id,
      xela,
    );
    const first = await listCaseQueue({ actor: assistant, segment: "atencion", state: "ISSUED", dideducId: xela }, opts());
    expect(first).toMatchObject({ total: cap, capped: true, pageCount: cap / 20, page: 1 });
    expect(first.rows[0].id).toBe("cap1");
    const beyond = await listCaseQueue({ actor: assistant, segment: "atencion", state: "ISSUED", dideducId: xela, page: 9999 }, opts());
    expect(beyond.page).toBe(cap / 20);
    expect(beyond.rows.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => `cap${cap - 19 + i}`));
    // Under the cap the count is exact.
    const few = await listCaseQueue({ actor: assistant, segment: "atencion", state: "ISSUED", dideducId: xela, q: "EE-2025-00999" }, opts());
    expect(few).toMatchObject({ total: 10, capped: false, pageCount: 1 });
  });
});
