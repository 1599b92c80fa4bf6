import { rgb } from "pdf-lib";
import type { Case, PrismaClient } from "../../lib/generated/prisma/client";
import type { CaseState } from "../../lib/generated/prisma/enums";
import type { FileStorage } from "../../lib/storage/file-storage";
import { allowServerOnlyModules, demoSigning, demoEmail as email, issuedDemoCases, logDemoCases, newDemoPdf, recordDemoCase, saveDemoDraft, stepsLeftByAudit, uploadDemoFile, walkDemoSteps, type TDemoCaseSummary } from "./demo-walk";
import { DIPLOMAS } from "./diplomas";
import type { TDemoPki } from "./ensure-demo-pki";

// Demo D.2.2 cases (título de diversificado, escolar 2005 onwards), one in each state the
// procedure reaches (DRAFT, CENTRAL_REVIEW, NEEDS_CORRECTION, ISSUED, and one corrected and sent
// again), for titles of the seed's registry (prisma/seed/diplomas.ts). Made by walking the real
// operations the screens call (saveCaseDraft with the registry record confirmed, storeUpload,
// submitCase, performCaseAction, signAndIssue with the demo PKCS#12), never by inserting rows.
//
// Idempotent and resumable: a demo case is known by its applicant, procedure and registration
// number; a re-run finds it and only walks it further if an earlier run stopped half way.
//
// Call after the accounts, registry and PKI exist (prisma/seed/seed-database.ts, with the others):
//   const { seedDiplomaFrom2005DemoCases } = await import("./demo-cases-diploma-from-2005");
//   await seedDiplomaFrom2005DemoCases(prisma, { pki, log, storage: options.storage });

type TStep =
  | { action: "submit" }
  | { action: "reject_for_correction"; reason: string }
  | { action: "resubmit" }
  | { action: "sign_and_issue"; certificateKey: string };

type TDemoCaseDefinition = {
  key: string;
  target: CaseState;
  applicant: string;
  registrationNumber: string;
  student: { firstNames: string; lastNames: string; cui?: string; birthDate?: string };
  contactPhone?: string;
  steps: TStep[];
};

const ASSISTANT = email("asistente.central");
const submit: TStep = { action: "submit" };
const CORRECTION = "El reverso del título no se lee: el sello de registro de la Contraloría General de Cuentas queda cortado. Escanéelo de nuevo completo.";

export const DIPLOMA_FROM_2005_DEMO_CASES: readonly TDemoCaseDefinition[] = [
  {
    key: "d22-issued",
    target: "ISSUED",
    applicant: email("ciudadana"),
    registrationNumber: "D-2015-018734",
    student: { firstNames: "María José", lastNames: "Ixcot Chávez", cui: "5260181510901" },
    contactPhone: "5512-3478",
    steps: [submit, { action: "sign_and_issue", certificateKey: "central-assistant" }],
  },
  {
    key: "d22-central-review",
    target: "CENTRAL_REVIEW",
    applicant: email("ciudadano"),
    registrationNumber: "D-2010-006251",
    student: { firstNames: "Juan Pablo", lastNames: "Sic Batz", cui: "9083016690101" },
    steps: [submit],
  },
  {
    key: "d22-needs-correction",
    target: "NEEDS_CORRECTION",
    applicant: email("ciudadana"),
    registrationNumber: "D-2012-004512",
    student: { firstNames: "Carmen Lucía", lastNames: "Ajanel Tuy", birthDate: "1994-03-21" },
    steps: [submit, { action: "reject_for_correction", reason: CORRECTION }],
  },
  {
    key: "d22-resubmitted",
    target: "CENTRAL_REVIEW",
    applicant: email("ciudadano"),
    registrationNumber: "D-2011-012078",
    student: { firstNames: "Kevin Alexander", lastNames: "Morales Ruiz", cui: "3810807060101" },
    contactPhone: "4021-8890",
    steps: [submit, { action: "reject_for_correction", reason: CORRECTION }, { action: "resubmit" }],
  },
  {
    key: "d22-draft",
    target: "DRAFT",
    applicant: email("ciudadana"),
    registrationNumber: "D-2019-041208",
    student: { firstNames: "Wendy Paola", lastNames: "Xoyón Cumes", birthDate: "2001-02-27" },
    steps: [],
  },
];

// What each step leaves the case in, to know how far a found case already went.
const REACHES: Record<TStep["action"], CaseState> = {
  submit: "CENTRAL_REVIEW",
  reject_for_correction: "NEEDS_CORRECTION",
  resubmit: "CENTRAL_REVIEW",
  sign_and_issue: "ISSUED",
};

// The title, front (registration number at the top right) and back (the Contraloría's stamp);
// different for every case and upload, so the duplicate-upload check never trips.
async function demoTitle(def: TDemoCaseDefinition, caseNumber: string, note: string): Promise<Buffer> {
  const plain = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const registry = DIPLOMAS.find((d) => d.registrationNumber === def.registrationNumber);
  const { doc, font, bold } = await newDemoPdf(`Título ${def.registrationNumber}`);
  const front = doc.addPage([792, 612]);
  front.drawRectangle({ x: 36, y: 36, width: 720, height: 540, borderColor: rgb(0.3, 0.3, 0.5), borderWidth: 3 });
  front.drawText(def.registrationNumber, { x: 600, y: 550, size: 12, font: bold });
  front.drawText("REPUBLICA DE GUATEMALA - MINISTERIO DE EDUCACION", { x: 150, y: 510, size: 16, font: bold });
  front.drawText(plain(registry?.school ?? "").slice(0, 80), { x: 80, y: 460, size: 11, font });
  front.drawText("Extiende el presente titulo de", { x: 80, y: 410, size: 13, font });
  front.drawText(plain(registry?.degree ?? "").slice(0, 70), { x: 80, y: 380, size: 16, font: bold });
  front.drawText(`a: ${plain(`${def.student.firstNames} ${def.student.lastNames}`)}`, { x: 80, y: 330, size: 16, font });
  front.drawText(`Guatemala, ${registry?.year ?? ""}`, { x: 80, y: 280, size: 12, font });
  front.drawText(`ANVERSO - titulo escaneado de demostracion (${caseNumber}, ${note})`, { x: 80, y: 60, size: 9, font });
  const back = doc.addPage([792, 612]);
  back.drawRectangle({ x: 420, y: 300, width: 300, height: 160, borderColor: rgb(0.1, 0.2, 0.6), borderWidth: 2 });
  back.drawText("CONTRALORIA GENERAL DE CUENTAS", { x: 440, y: 430, size: 12, font: bold, color: rgb(0.1, 0.2, 0.6) });
  back.drawText("REGISTRADO", { x: 520, y: 400, size: 14, font: bold, color: rgb(0.1, 0.2, 0.6) });
  back.drawText(`REVERSO - titulo escaneado de demostracion (${caseNumber}, ${note})`, { x: 80, y: 60, size: 9, font });
  return Buffer.from(await doc.save());
}

export type TDiplomaFrom2005DemoCaseSummary = TDemoCaseSummary;

export async function seedDiplomaFrom2005DemoCases(
  prisma: PrismaClient,
  options: { pki: TDemoPki; log?: (message: string) => void; storage?: FileStorage },
): Promise<{ cases: TDiplomaFrom2005DemoCaseSummary[]; issued: { number: string; verificationCode: string }[] }> {
  const log = options.log ?? (() => {});
  allowServerOnlyModules();
  const [{ submitCase }, { performCaseAction }, { signAndIssue }, { getStorage }] = await Promise.all([
    import("../../lib/cases/submit-case"),
    import("../../lib/cases/perform-case-action"),
    import("../../lib/cases/signing/sign-case-with-signer"),
    import("../../lib/storage/get-storage"),
  ]);
  const { storage, deps, actor, credentials } = await demoSigning(prisma, options.pki, options.storage ?? getStorage());
  async function uploadTitle(applicantId: string, row: Case, def: TDemoCaseDefinition, note: string) {
    await uploadDemoFile(deps, { applicantId, caseId: row.id, kind: "SCAN", originalName: "titulo-anverso-y-reverso.pdf", bytes: await demoTitle(def, row.number, note) });
  }

  const summaries: TDiplomaFrom2005DemoCaseSummary[] = [];
  for (const def of DIPLOMA_FROM_2005_DEMO_CASES) {
    const applicant = await actor(def.applicant);
    let row: Case | null = await prisma.case.findFirst({
      where: { applicantId: applicant.id, procedure: "DIPLOMA_FROM_2005", formData: { path: ["registrationNumber"], equals: def.registrationNumber } },
      orderBy: { createdAt: "asc" },
    });
    const created = row === null;
    if (!row) {
      // As the form leaves it once the registry showed the title and the person confirmed it.
      const formData = {
        registrationNumber: def.registrationNumber,
        confirmedRegistrationNumber: def.registrationNumber,
        student: def.student,
        contactPhone: def.contactPhone,
        cgcStampConfirmed: true,
      };
      row = await saveDemoDraft(prisma, { actor: applicant, procedure: "DIPLOMA_FROM_2005", formData });
      await uploadTitle(applicant.id, row, def, "primer escaneo");
    }

    const remaining = await stepsLeftByAudit(prisma, row, def.steps, REACHES);
    row = await walkDemoSteps(prisma, row, remaining, async (step, current) => {
      const { id: caseId, version: expectedVersion } = current;
      switch (step.action) {
        case "submit":
          await submitCase({ actor: applicant, caseId, expectedVersion, ip: null }, { db: prisma });
          break;
        case "resubmit": {
          // The citizen replaces the scan the office could not read, then sends it again.
          const old = await prisma.uploadedFile.findMany({ where: { caseId }, select: { id: true } });
          const { removeCaseFile } = await import("../../lib/cases/remove-case-file");
          for (const f of old) await removeCaseFile({ actor: applicant, caseId, fileId: f.id }, { db: prisma });
          await uploadTitle(applicant.id, current, def, "escaneo corregido");
          const fresh = await prisma.case.findUniqueOrThrow({ where: { id: caseId } });
          await submitCase({ actor: applicant, caseId, expectedVersion: fresh.version, ip: null }, { db: prisma });
          break;
        }
        case "reject_for_correction":
          await performCaseAction({ actor: await actor(ASSISTANT), caseId, action: "reject_for_correction", input: { reason: step.reason }, expectedVersion, ip: null }, { db: prisma });
          break;
        case "sign_and_issue":
          await signAndIssue({ actor: await actor(ASSISTANT), caseId, expectedVersion, ...credentials(step.certificateKey) }, deps);
          break;
      }
    });
    recordDemoCase(summaries, log, def, row, created);
  }

  const issued = await issuedDemoCases(prisma, summaries);
  logDemoCases(log, "D.2.2", summaries);
  for (const i of issued) log(`Título (2005 en adelante) certificado de demostración ${i.number}: código ${i.verificationCode}`);
  return { cases: summaries, issued };
}
