import fs from "node:fs";
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Case, PrismaClient } from "../../lib/generated/prisma/client";
import type { CaseState, FileKind, Procedure } from "../../lib/generated/prisma/enums";
import type { TSaveCaseDraftInput } from "../../lib/cases/save-case-draft";
import type { DocumentSigner } from "../../lib/signing/signer";
import type { FileStorage } from "../../lib/storage/file-storage";
import type { TWorkflowActor } from "../../lib/workflow/check-transition";
import { DEMO_CERTIFICATES, DEMO_EMAIL_DOMAIN } from "./demo-accounts";
import type { TDemoPki } from "./ensure-demo-pki";

// What every demo-cases-*.ts seed does the same way while it walks its procedure's cases through
// the real operations: who acts, with which demo certificate, how a scan is uploaded, which steps
// are left of a case an earlier run may have stopped half way, and what it reports.

export const demoEmail = (local: string) => `${local}@${DEMO_EMAIL_DOMAIN}`;

export type TDemoCaseSummary = { key: string; id: string; number: string; state: CaseState; created: boolean };
export type TDemoLog = (message: string) => void;

// lib/cases and lib/storage mark themselves `server-only`, whose default export throws outside
// React Server Components; the seed runs them in plain Node (tsx). Marking the module as loaded
// with empty exports is what the "react-server" condition would resolve to.
export function allowServerOnlyModules(): void {
  const require = createRequire(import.meta.url);
  let file: string;
  try {
    file = require.resolve("server-only");
  } catch {
    return;
  }
  if (require.cache[file]) return;
  const Module = require("node:module") as { new (id: string): NodeJS.Module };
  const stub = new Module(file);
  stub.filename = file;
  stub.loaded = true;
  stub.exports = {};
  require.cache[file] = stub;
}

// The demo account of an address as the workflow sees it, looked up once per run.
export function demoActors(prisma: PrismaClient): (address: string) => Promise<TWorkflowActor> {
  const cache = new Map<string, TWorkflowActor>();
  return async (address) => {
    const cached = cache.get(address);
    if (cached) return cached;
    const u = await prisma.user.findUniqueOrThrow({ where: { email: address }, select: { id: true, roles: true, dideducId: true } });
    cache.set(address, u);
    return u;
  };
}

// A demo certificate's key, opened in the seed's process to sign the demo cases through the app's
// own prepare → sign → complete path (signCaseWithSigner; the app's signers sign in the browser).
// Call after allowServerOnlyModules().
export async function demoCredentials(pki: TDemoPki): Promise<(certificateKey: string) => { signer: DocumentSigner }> {
  const { openPkcs12Signer } = await import("../../lib/signing/pkcs12-signer");
  // Each .p12 opened once per seed: node-forge derives its keys in pure JS, seconds on a busy machine.
  const opened = new Map<string, DocumentSigner>();
  return (certificateKey) => {
    const cert = pki.certificates.find((c) => c.key === certificateKey);
    const def = DEMO_CERTIFICATES.find((c) => c.key === certificateKey);
    if (!cert || !def) throw new Error(`Certificado de demostración desconocido: ${certificateKey}`);
    let signer = opened.get(certificateKey);
    if (!signer) {
      signer = openPkcs12Signer(fs.readFileSync(cert.path), def.passphrase);
      opened.set(certificateKey, signer);
    }
    return { signer };
  };
}

// What a seed that signs works with: its storage, the operations' dependencies (signatures are
// timestamped and their revocation checked against the demo PKI's own root), who acts and with
// which key. Call after allowServerOnlyModules().
export async function demoSigning(prisma: PrismaClient, pki: TDemoPki, storage: FileStorage) {
  return {
    storage,
    deps: { db: prisma, storage, trustedRoots: [Buffer.from(pki.rootPem)] },
    actor: demoActors(prisma),
    credentials: await demoCredentials(pki),
  };
}

// A new draft, saved as the citizen's form saves it; returns the case.
export async function saveDemoDraft(prisma: PrismaClient, input: Omit<TSaveCaseDraftInput, "caseId">): Promise<Case> {
  const { saveCaseDraft } = await import("../../lib/cases/save-case-draft");
  const saved = await saveCaseDraft(input, { db: prisma });
  return prisma.case.findUniqueOrThrow({ where: { id: saved.caseId } });
}

// A file of the case uploaded by its applicant, through the same check as the upload screen.
export async function uploadDemoFile(
  deps: { db: PrismaClient; storage: FileStorage },
  file: { applicantId: string; caseId: string; kind: FileKind; originalName: string; bytes: Buffer },
): Promise<void> {
  const { storeUpload } = await import("../../lib/uploads/store-upload");
  await storeUpload(
    { id: file.applicantId },
    { kind: file.kind, originalName: file.originalName, caseId: file.caseId, declaredSize: file.bytes.length, body: Readable.from([file.bytes]) },
    deps,
  );
}

// A demo PDF with its title and producer set and the two fonts the demo documents use.
export async function newDemoPdf(title: string) {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setProducer("Certifica (datos de demostración)");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  return { doc, font, bold };
}

// The first demo case of this applicant and procedure about this student (a request started from
// it, when `firstOnly`, is not it).
export function findDemoCaseOfStudent(
  prisma: PrismaClient,
  where: { applicantId: string; procedure: Procedure; student: { firstNames: string; lastNames: string }; firstOnly?: boolean },
): Promise<Case | null> {
  return prisma.case.findFirst({
    where: {
      applicantId: where.applicantId,
      procedure: where.procedure,
      ...(where.firstOnly ? { parentCaseId: null } : {}),
      AND: [
        { formData: { path: ["student", "firstNames"], equals: where.student.firstNames } },
        { formData: { path: ["student", "lastNames"], equals: where.student.lastNames } },
      ],
    },
    orderBy: { createdAt: "asc" },
  });
}

// The steps left, judged by the state the case stands in: after the step that leaves it there.
export function stepsLeftByState<S>(row: Case, steps: readonly S[], reaches: (step: S) => CaseState | undefined): readonly S[] {
  const done = steps.findIndex((s) => reaches(s) === row.state);
  return row.state === "DRAFT" ? steps : done >= 0 ? steps.slice(done + 1) : [];
}

// The steps left, judged by the audit trail: each step is one transition, and those already in it
// were walked by an earlier run (unless the case has since moved elsewhere: then none).
export async function stepsLeftByAudit<S extends { action: string }>(
  prisma: PrismaClient,
  row: Case,
  steps: readonly S[],
  reaches: Record<S["action"], CaseState>,
): Promise<readonly S[]> {
  const walked = await prisma.auditEvent.count({ where: { caseId: row.id, action: { in: steps.map((s) => s.action) } } });
  return walked === 0 || reaches[steps[walked - 1]?.action as S["action"]] === row.state ? steps.slice(walked) : [];
}

// Performs each step on the case as it stands after the previous one; returns the case at the end.
export async function walkDemoSteps<S>(prisma: PrismaClient, row: Case, steps: readonly S[], perform: (step: S, row: Case) => Promise<unknown>): Promise<Case> {
  let current = row;
  for (const step of steps) {
    await perform(step, current);
    current = await prisma.case.findUniqueOrThrow({ where: { id: current.id } });
  }
  return current;
}

// Walks what is left (by the audit trail) of a case one person at the central office decides (D.3,
// D.4): the applicant submits, `staff` rejects with the step's reason, `decide` takes the
// procedure's own last step. Call after allowServerOnlyModules().
export async function walkCentralDemoSteps<S extends { action: string; reason?: string }>(
  prisma: PrismaClient,
  row: Case,
  steps: readonly S[],
  reaches: Record<S["action"], CaseState>,
  people: { applicant: TWorkflowActor; staff: () => Promise<TWorkflowActor> },
  decide: (step: S, caseId: string, expectedVersion: number) => Promise<unknown>,
): Promise<Case> {
  const [{ submitCase }, { performCaseAction }] = await Promise.all([import("../../lib/cases/submit-case"), import("../../lib/cases/perform-case-action")]);
  const remaining = await stepsLeftByAudit(prisma, row, steps, reaches);
  return walkDemoSteps(prisma, row, remaining, async (step, { id: caseId, version: expectedVersion }) => {
    if (step.action === "submit") await submitCase({ actor: people.applicant, caseId, expectedVersion, ip: null }, { db: prisma });
    else if (step.action === "reject") {
      await performCaseAction({ actor: await people.staff(), caseId, action: "reject", input: { reason: step.reason! }, expectedVersion, ip: null }, { db: prisma });
    } else await decide(step, caseId, expectedVersion);
  });
}

// Says when a demo case did not reach the state it is meant to show, and lists it.
export function recordDemoCase(summaries: TDemoCaseSummary[], log: TDemoLog, def: { key: string; target: CaseState }, row: Case, created: boolean): void {
  if (row.state !== def.target) {
    log(`Aviso: la solicitud de demostración ${row.number} (${def.key}) está en ${row.state}, no en ${def.target}; se deja como está.`);
  }
  summaries.push({ key: def.key, id: row.id, number: row.number, state: row.state, created });
}

// "Solicitudes de demostración (D.x): …", or that they were already there.
export function logDemoCases(log: TDemoLog, code: string, summaries: readonly TDemoCaseSummary[]): void {
  log(
    summaries.some((s) => s.created)
      ? `Solicitudes de demostración (${code}): ${summaries.map((s) => `${s.number} ${s.state}`).join(", ")}`
      : `Solicitudes de demostración (${code}) ya presentes: nada que agregar`,
  );
}

// 09:00 in Guatemala, `businessDaysAgo` business days (weekends and the holidays in the database
// skipped) before `now`: when a demo case is filed so the queues show it "Vencida" or "Por vencer"
// against the seeded targets (decision 0022). Each later step of the case passes a later time.
export async function demoFiledAt(prisma: PrismaClient, businessDaysAgo: number, now: Date = new Date()): Promise<Date> {
  const { guatemalaDate, holidaySet, isBusinessDay, subtractBusinessDays } = await import("../../lib/service-levels/business-days");
  const holidays = holidaySet((await prisma.holiday.findMany({ select: { date: true } })).map((h) => h.date.toISOString().slice(0, 10)));
  // Counted from the last business day (today, or Friday when seeded on a weekend), so a case due
  // on the next business day is «Por vencer» whatever day the seed runs.
  const today = guatemalaDate(now);
  const base = isBusinessDay(today, holidays) ? today : subtractBusinessDays(today, 1, holidays);
  return new Date(`${subtractBusinessDays(base, businessDaysAgo, holidays)}T09:00:00-06:00`);
}

// The number and verification code of each issued demo case.
export async function issuedDemoCases(prisma: PrismaClient, summaries: readonly TDemoCaseSummary[]): Promise<{ number: string; verificationCode: string }[]> {
  const issued: { number: string; verificationCode: string }[] = [];
  for (const s of summaries.filter((x) => x.state === "ISSUED")) {
    const c = await prisma.case.findUniqueOrThrow({ where: { id: s.id }, select: { number: true, verificationCode: true } });
    if (c.verificationCode) issued.push({ number: c.number, verificationCode: c.verificationCode });
  }
  return issued;
}
