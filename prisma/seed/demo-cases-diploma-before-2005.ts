import { rgb } from "pdf-lib";
import type { Case, PrismaClient } from "../../lib/generated/prisma/client";
import type { CaseState } from "../../lib/generated/prisma/enums";
import type { FileStorage } from "../../lib/storage/file-storage";
import type { TRequestableDocument } from "../../lib/workflow/inputs";
import { allowServerOnlyModules, demoSigning, demoEmail as email, demoFiledAt, findDemoCaseOfStudent, issuedDemoCases, logDemoCases, newDemoPdf, recordDemoCase, saveDemoDraft, stepsLeftByState, uploadDemoFile, walkDemoSteps, type TDemoCaseSummary } from "./demo-walk";
import type { TDemoPki } from "./ensure-demo-pki";

// Demo D.2.1 cases (título de diversificado, escolar before 2005 and extraescolar), one in each
// state the procedure reaches, made by walking the real operations the screens call (saveCaseDraft,
// storeUpload, submitCase, performCaseAction, startCaseFrom, generateCertification,
// signCertification, signAndIssue with the demo PKCS#12 files), never by inserting rows. Includes
// the reviewer's rejection requesting documents and the new request started from it, which carries
// the title and waits for the cierre de pensum.
//
// Idempotent and resumable: a demo case is known by its applicant, procedure and the student's
// name; a re-run finds it and only walks it further if an earlier run stopped half way.
//
// Call after the accounts, DIDEDUCs and PKI exist (prisma/seed/seed-database.ts, after seedDemoCases):
//   const { seedDiplomaBefore2005DemoCases } = await import("./demo-cases-diploma-before-2005");
//   await seedDiplomaBefore2005DemoCases(prisma, { pki, log, storage: options.storage });

type TStep =
  | { action: "submit" }
  | { action: "reject_for_correction"; reason: string }
  | { action: "reject_requesting_documents"; reason: string; documents: TRequestableDocument[] }
  | { action: "start_from" }
  | { action: "generate_certification" }
  | { action: "sign"; certificateKey: string }
  | { action: "reject_definitively"; reason: string }
  | { action: "sign_and_issue"; certificateKey: string };

type TForm = {
  modality: "ESCOLAR" | "EXTRAESCOLAR";
  title: { degree: string; specialty?: string; institution: string; graduationYear: number };
  cgcStamp: { registrationNumber?: string; book?: string; folio?: string; date?: string };
  cgcStampConfirmed: true;
  student: { firstNames: string; lastNames: string; cui?: string; birthDate?: string };
  contactPhone?: string;
};

type TDemoCaseDefinition = {
  key: string;
  target: CaseState;
  applicant: string;
  dideducCode: string;
  reviewer: string;
  signer: string;
  form: TForm;
  steps: TStep[];
  // Filed this many business days ago (decision 0022: the queues show it against its target).
  filedBusinessDaysAgo?: number;
};

const GN = { dideducCode: "guatemala-norte", reviewer: email("revisora.guatemala-norte"), signer: email("firmante.guatemala-norte") };
const XELA = { dideducCode: "quetzaltenango", reviewer: email("revisora.quetzaltenango"), signer: email("firmante.quetzaltenango") };
const CHECKLIST = { studies: true, authorities: true, signaturesAndSeals: true, cgcStamp: true, studentName: true, grades: true };

const INCA = "Instituto Nacional Central para Varones, zona 1, Ciudad de Guatemala";
const BELEN = "Escuela Normal Central para Señoritas «Belén», zona 1, Ciudad de Guatemala";

const submit: TStep = { action: "submit" };
const generate: TStep = { action: "generate_certification" };
const PENSUM_REASON =
  "El título no consta en los libros de registro de esta Dirección Departamental. Para verificarlo necesitamos el cierre de pensum del establecimiento.";

export const DIPLOMA_BEFORE_2005_DEMO_CASES: readonly TDemoCaseDefinition[] = [
  {
    key: "d21-issued",
    target: "ISSUED",
    applicant: email("ciudadana"),
    ...GN,
    form: {
      modality: "ESCOLAR",
      title: { degree: "Maestra de Educación Primaria Urbana", institution: BELEN, graduationYear: 1996 },
      cgcStamp: { registrationNumber: "31877", book: "22", folio: "104", date: "20 de noviembre de 1996" },
      cgcStampConfirmed: true,
      student: { firstNames: "Marta Elena", lastNames: "Ixcot Chávez", birthDate: "1978-03-12" },
      contactPhone: "5512-3478",
    },
    steps: [submit, generate, { action: "sign", certificateKey: "signer-guatemala-norte" }, { action: "sign_and_issue", certificateKey: "central-assistant" }],
  },
  {
    key: "d21-central-review",
    target: "CENTRAL_REVIEW",
    applicant: email("ciudadano"),
    ...XELA,
    form: {
      modality: "EXTRAESCOLAR",
      title: { degree: "Bachillerato en Ciencias y Letras por Madurez", institution: "PRONEA — Programa Nacional de Educación Alternativa, Quetzaltenango", graduationYear: 2014 },
      cgcStamp: { registrationNumber: "9024", date: "3 de marzo de 2015" },
      cgcStampConfirmed: true,
      student: { firstNames: "Rosa Amalia", lastNames: "Sic Batz", birthDate: "1985-11-02" },
    },
    steps: [submit, generate, { action: "sign", certificateKey: "signer-quetzaltenango" }],
  },
  {
    key: "d21-dideduc-signature",
    target: "DIDEDUC_SIGNATURE",
    applicant: email("ciudadana"),
    ...GN,
    form: {
      modality: "ESCOLAR",
      title: { degree: "Bachiller en Ciencias y Letras", specialty: "con Orientación en Computación", institution: INCA, graduationYear: 2001 },
      cgcStamp: { registrationNumber: "58012", book: "41", folio: "12" },
      cgcStampConfirmed: true,
      student: { firstNames: "Lucía Beatriz", lastNames: "Ixcot Chávez", birthDate: "1983-07-25" },
    },
    steps: [submit, generate],
  },
  {
    key: "d21-rejected-definitively",
    target: "REJECTED",
    applicant: email("ciudadano"),
    ...GN,
    form: {
      modality: "ESCOLAR",
      title: { degree: "Perito Contador", institution: "Colegio Mixto «El Progreso», zona 18, Ciudad de Guatemala (cerrado)", graduationYear: 1990 },
      cgcStamp: {},
      cgcStampConfirmed: true,
      student: { firstNames: "Pedro Antonio", lastNames: "Sic Batz" },
    },
    steps: [submit, generate, { action: "reject_definitively", reason: "El título presentado no corresponde a los registros del establecimiento: el número de folio pertenece a otra persona." }],
  },
  {
    key: "d21-requested-documents",
    target: "REJECTED",
    applicant: email("ciudadana"),
    ...GN,
    form: {
      modality: "ESCOLAR",
      title: { degree: "Secretaria Oficinista", institution: "Instituto Normal Mixto Nocturno «Rafael Aqueche», zona 1, Ciudad de Guatemala", graduationYear: 1992 },
      cgcStamp: { registrationNumber: "20411", folio: "77" },
      cgcStampConfirmed: true,
      student: { firstNames: "Carmen Julia", lastNames: "Ixcot Chávez", birthDate: "1974-01-30" },
    },
    steps: [submit, { action: "reject_requesting_documents", reason: PENSUM_REASON, documents: ["CIERRE_DE_PENSUM"] }, { action: "start_from" }],
  },
  {
    key: "d21-needs-correction",
    target: "NEEDS_CORRECTION",
    applicant: email("ciudadana"),
    ...GN,
    form: {
      modality: "ESCOLAR",
      title: { degree: "Bachiller Industrial y Perito en Electricidad", institution: "Instituto Técnico Vocacional «Dr. Imrich Fischmann», zona 5, Ciudad de Guatemala", graduationYear: 1999 },
      cgcStamp: {},
      cgcStampConfirmed: true,
      student: { firstNames: "Carlos Enrique", lastNames: "Ixcot Chávez" },
    },
    steps: [submit, { action: "reject_for_correction", reason: "El sello de la Contraloría no se lee en el reverso. Escanee de nuevo el reverso del título con más resolución." }],
  },
  {
    key: "d21-review",
    target: "DIDEDUC_REVIEW",
    applicant: email("ciudadano"),
    ...GN,
    form: {
      modality: "ESCOLAR",
      title: { degree: "Perito Contador", specialty: "con Orientación en Computación", institution: "Instituto Nacional de Educación Diversificada, Chinautla", graduationYear: 2003 },
      cgcStamp: { registrationNumber: "60233" },
      cgcStampConfirmed: true,
      student: { firstNames: "José Luis", lastNames: "Sic Batz" },
    },
    steps: [submit],
    // One business day left of the DIDEDUC review's 5: «Por vencer» in the reviewer's queue.
    filedBusinessDaysAgo: 4,
  },
  {
    key: "d21-draft",
    target: "DRAFT",
    applicant: email("ciudadana"),
    ...GN,
    form: {
      modality: "EXTRAESCOLAR",
      title: { degree: "Bachillerato en Ciencias y Letras por Madurez", institution: "Programa de Educación de Adultos por Correspondencia", graduationYear: 2018 },
      cgcStamp: {},
      cgcStampConfirmed: true,
      student: { firstNames: "Ana Sofía", lastNames: "Ixcot Chávez" },
    },
    steps: [],
  },
];

// What each step leaves the case in, to know how far a found case already went.
const REACHES: Record<Exclude<TStep["action"], "start_from">, CaseState> = {
  submit: "DIDEDUC_REVIEW",
  reject_for_correction: "NEEDS_CORRECTION",
  reject_requesting_documents: "REJECTED",
  generate_certification: "DIDEDUC_SIGNATURE",
  sign: "CENTRAL_REVIEW",
  reject_definitively: "REJECTED",
  sign_and_issue: "ISSUED",
};

// The title, front and back, with the Contraloría's stamp drawn on the back; different for every
// case so the duplicate-upload check never trips.
async function demoTitle(form: TForm, caseNumber: string): Promise<Buffer> {
  const plain = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[«»—]/g, "-");
  const { doc, font, bold } = await newDemoPdf(`Título — ${form.student.firstNames} ${form.student.lastNames}`);
  const front = doc.addPage([792, 612]);
  front.drawRectangle({ x: 36, y: 36, width: 720, height: 540, borderColor: rgb(0.3, 0.3, 0.5), borderWidth: 3 });
  front.drawText("REPUBLICA DE GUATEMALA - MINISTERIO DE EDUCACION", { x: 150, y: 520, size: 16, font: bold });
  front.drawText(plain(form.title.institution).slice(0, 80), { x: 80, y: 470, size: 11, font });
  front.drawText("Extiende el presente titulo de", { x: 80, y: 420, size: 13, font });
  front.drawText(plain(`${form.title.degree}${form.title.specialty ? ` ${form.title.specialty}` : ""}`).slice(0, 70), { x: 80, y: 390, size: 18, font: bold });
  front.drawText(`a: ${plain(`${form.student.firstNames} ${form.student.lastNames}`)}`, { x: 80, y: 340, size: 16, font });
  front.drawText(`Guatemala, ${form.title.graduationYear}`, { x: 80, y: 290, size: 12, font });
  front.drawText(`ANVERSO - titulo escaneado de demostracion (${caseNumber})`, { x: 80, y: 60, size: 9, font });
  const back = doc.addPage([792, 612]);
  back.drawRectangle({ x: 420, y: 300, width: 300, height: 160, borderColor: rgb(0.1, 0.2, 0.6), borderWidth: 2 });
  back.drawText("CONTRALORIA GENERAL DE CUENTAS", { x: 440, y: 430, size: 12, font: bold, color: rgb(0.1, 0.2, 0.6) });
  back.drawText("REGISTRADO", { x: 520, y: 400, size: 14, font: bold, color: rgb(0.1, 0.2, 0.6) });
  const stamp = form.cgcStamp;
  back.drawText(`No. ${stamp.registrationNumber ?? "____"}  Libro ${stamp.book ?? "__"}  Folio ${stamp.folio ?? "__"}`, { x: 440, y: 360, size: 11, font });
  back.drawText(`Fecha: ${plain(stamp.date ?? "________")}`, { x: 440, y: 335, size: 11, font });
  back.drawText(`REVERSO - titulo escaneado de demostracion (${caseNumber})`, { x: 80, y: 60, size: 9, font });
  return Buffer.from(await doc.save());
}

export type TDiplomaDemoCaseSummary = TDemoCaseSummary;

export async function seedDiplomaBefore2005DemoCases(
  prisma: PrismaClient,
  options: { pki: TDemoPki; log?: (message: string) => void; storage?: FileStorage },
): Promise<{ cases: TDiplomaDemoCaseSummary[]; issued: { number: string; verificationCode: string }[] }> {
  const log = options.log ?? (() => {});
  allowServerOnlyModules();
  const [
    { submitCase },
    { performCaseAction },
    { startCaseFrom },
    { generateCertification },
    { signCertification },
    { signAndIssue },
    { getStorage },
  ] = await Promise.all([
    import("../../lib/cases/submit-case"),
    import("../../lib/cases/perform-case-action"),
    import("../../lib/cases/start-case-from"),
    import("../../lib/cases/generate-certification"),
    import("../../lib/cases/signing/sign-case-with-signer"),
    import("../../lib/cases/signing/sign-case-with-signer"),
    import("../../lib/storage/get-storage"),
  ]);
  const { storage, deps, actor, credentials } = await demoSigning(prisma, options.pki, options.storage ?? getStorage());

  const summaries: TDiplomaDemoCaseSummary[] = [];
  for (const def of DIPLOMA_BEFORE_2005_DEMO_CASES) {
    const applicant = await actor(def.applicant);
    const dideduc = await prisma.dideduc.findUniqueOrThrow({ where: { code: def.dideducCode } });
    // The first case of this student (a request started from it comes later).
    let row: Case | null = await findDemoCaseOfStudent(prisma, { applicantId: applicant.id, procedure: "DIPLOMA_BEFORE_2005", student: def.form.student, firstOnly: true });
    const created = row === null;
    const filedAt = def.filedBusinessDaysAgo ? await demoFiledAt(prisma, def.filedBusinessDaysAgo) : undefined;
    if (!row) {
      row = await saveDemoDraft(prisma, { actor: applicant, procedure: "DIPLOMA_BEFORE_2005", dideducId: dideduc.id, formData: { ...def.form, signedBy: "DIDEDUC" }, now: filedAt });
      await uploadDemoFile(deps, { applicantId: applicant.id, caseId: row.id, kind: "SCAN", originalName: "titulo-anverso-y-reverso.pdf", bytes: await demoTitle(def.form, row.number) });
    }

    const remaining = stepsLeftByState(row, def.steps, (s) => (s.action === "start_from" ? undefined : REACHES[s.action]));
    row = await walkDemoSteps(prisma, row, remaining, async (step, { id: caseId, version: expectedVersion }) => {
      switch (step.action) {
        case "submit":
          // Sent a few minutes after the draft was started.
          await submitCase({ actor: applicant, caseId, expectedVersion, ip: null, now: filedAt ? new Date(filedAt.getTime() + 10 * 60_000) : undefined }, { db: prisma });
          break;
        case "reject_for_correction":
        case "reject_definitively":
          await performCaseAction(
            { actor: await actor(step.action === "reject_for_correction" ? def.reviewer : def.signer), caseId, action: step.action, input: { reason: step.reason }, expectedVersion, ip: null },
            { db: prisma },
          );
          break;
        case "reject_requesting_documents": {
          const office = await prisma.supervisionOffice.findFirstOrThrow({ where: { dideducId: dideduc.id, active: true }, orderBy: { id: "asc" } });
          await performCaseAction(
            {
              actor: await actor(def.reviewer),
              caseId,
              action: "reject_requesting_documents",
              input: { reason: step.reason, documents: step.documents, obtainAt: { name: office.name, phone: office.phone, address: office.address } },
              expectedVersion,
              ip: null,
            },
            { db: prisma },
          );
          break;
        }
        case "start_from": {
          // The new request waiting for the requested document; started once.
          const existing = await prisma.case.count({ where: { parentCaseId: caseId } });
          if (existing === 0) await startCaseFrom({ actor: applicant, caseId, ip: null }, { db: prisma });
          break;
        }
        case "generate_certification":
          await generateCertification({ actor: await actor(def.reviewer), caseId, expectedVersion, checklist: CHECKLIST }, deps);
          break;
        case "sign":
          await signCertification({ actor: await actor(def.signer), caseId, expectedVersion, ...credentials(step.certificateKey) }, deps);
          break;
        case "sign_and_issue":
          await signAndIssue({ actor: await actor(email("asistente.central")), caseId, expectedVersion, ...credentials(step.certificateKey) }, deps);
          break;
      }
    });
    recordDemoCase(summaries, log, def, row, created);
    if (def.steps.some((s) => s.action === "start_from")) {
      const child = await prisma.case.findFirst({ where: { parentCaseId: row.id }, orderBy: { createdAt: "asc" } });
      if (child) summaries.push({ key: `${def.key}-new-request`, id: child.id, number: child.number, state: child.state, created });
    }
  }

  const issued = await issuedDemoCases(prisma, summaries);
  logDemoCases(log, "D.2.1", summaries);
  for (const i of issued) log(`Título certificado de demostración ${i.number}: código ${i.verificationCode}`);
  return { cases: summaries, issued };
}
