import { rgb } from "pdf-lib";
import type { Case, PrismaClient } from "../../lib/generated/prisma/client";
import type { CaseState } from "../../lib/generated/prisma/enums";
import type { FileStorage } from "../../lib/storage/file-storage";
import { DEMO_CERTIFICATES } from "./demo-accounts";
import { allowServerOnlyModules, demoSigning, demoEmail as email, findDemoCaseOfStudent, issuedDemoCases, logDemoCases, newDemoPdf, recordDemoCase, saveDemoDraft, stepsLeftByState, uploadDemoFile, walkDemoSteps, type TDemoCaseSummary } from "./demo-walk";
import type { TDemoPki } from "./ensure-demo-pki";

// Demo D.1.2 cases (expediente de graduación, 1974–1996 archive), one in each state the procedure
// reaches, made by walking the real operations the screens call (saveCaseDraft, storeUpload with
// its archive-signature check, submitCase, performCaseAction, signAndIssue with the demo PKCS#12
// files), never by inserting rows. Each record is a PDF signed with the demo archive officer's
// certificate, as the Archivo Documental would e-mail it.
//
// Idempotent and resumable: a demo case is known by its applicant, procedure and the student's
// name; a re-run finds it and only walks it further if an earlier run stopped half way.
//
// Call after the accounts and the PKI exist (prisma/seed/seed-database.ts, after seedDemoCases):
//   const { seedGraduationRecordDemoCases } = await import("./demo-cases-graduation-record");
//   await seedGraduationRecordDemoCases(prisma, { pki, log, storage: options.storage });

type TStep = { action: "submit" } | { action: "reject_for_correction"; reason: string } | { action: "sign_and_issue"; certificateKey: string };

type TForm = {
  student: { firstNames: string; lastNames: string; cui?: string; birthDate?: string };
  record: { degree: string; institution: string; graduationYear: number };
  archiveOfficer: { name: string; post: string };
  contactPhone?: string;
};

type TDemoCaseDefinition = { key: string; target: CaseState; applicant: string; staff: string; form: TForm; steps: TStep[] };

const ARCHIVE = DEMO_CERTIFICATES.find((c) => c.key === "archive-officer")!;
const OFFICER = { name: ARCHIVE.holderName, post: ARCHIVE.post };
const INCA = "Instituto Nacional Central para Varones, zona 1, Ciudad de Guatemala";
const BELEN = "Escuela Normal Central para Señoritas «Belén», zona 1, Ciudad de Guatemala";
const submit: TStep = { action: "submit" };

export const GRADUATION_RECORD_DEMO_CASES: readonly TDemoCaseDefinition[] = [
  {
    key: "graduation-issued",
    target: "ISSUED",
    applicant: email("ciudadano"),
    staff: email("coordinadora.central"),
    form: {
      student: { firstNames: "Juan Francisco", lastNames: "Sic Batz", birthDate: "1970-02-11" },
      record: { degree: "Bachiller en Ciencias y Letras", institution: INCA, graduationYear: 1988 },
      archiveOfficer: OFFICER,
      contactPhone: "4478-2106",
    },
    steps: [submit, { action: "sign_and_issue", certificateKey: "central-coordinator" }],
  },
  {
    key: "graduation-central-review",
    target: "CENTRAL_REVIEW",
    applicant: email("ciudadana"),
    staff: email("asistente.central"),
    form: {
      student: { firstNames: "Rosa Amalia", lastNames: "Chávez de Ixcot", birthDate: "1960-09-23" },
      record: { degree: "Maestra de Educación Primaria Urbana", institution: BELEN, graduationYear: 1979 },
      archiveOfficer: OFFICER,
    },
    steps: [submit],
  },
  {
    // The post typed does not match the registry: central review asks for it as printed.
    key: "graduation-needs-correction",
    target: "NEEDS_CORRECTION",
    applicant: email("ciudadano"),
    staff: email("asistente.central"),
    form: {
      student: { firstNames: "Pedro Antonio", lastNames: "Batz Tuyuc", birthDate: "1966-05-04" },
      record: { degree: "Perito Contador", institution: "Instituto Nacional de Comercio, Ciudad de Guatemala", graduationYear: 1984 },
      archiveOfficer: { name: OFFICER.name, post: "Jefa del Archivo" },
    },
    steps: [
      submit,
      {
        action: "reject_for_correction",
        reason: "El puesto de quien firmó el expediente no coincide con el documento del Archivo: escríbalo tal como aparece en él («Encargada del Archivo Documental»).",
      },
    ],
  },
  {
    key: "graduation-draft",
    target: "DRAFT",
    applicant: email("ciudadana"),
    staff: email("asistente.central"),
    form: {
      student: { firstNames: "Ana Lucrecia", lastNames: "Ixcot Pérez" },
      record: { degree: "Secretaria Bilingüe", institution: "Colegio Belga Guatemalteco, zona 10, Ciudad de Guatemala", graduationYear: 1995 },
      archiveOfficer: OFFICER,
    },
    steps: [],
  },
];

const ascii = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

// Two pages of a graduation record as the archive issues it (different for every case).
async function demoRecord(form: TForm, caseNumber: string): Promise<Buffer> {
  const { doc, font, bold } = await newDemoPdf(`Expediente de graduación — ${form.student.firstNames} ${form.student.lastNames}`);
  for (const [i, title] of ["ACTA DE GRADUACION", "CERTIFICACION DEL ARCHIVO DOCUMENTAL"].entries()) {
    const page = doc.addPage([612, 792]);
    page.drawRectangle({ x: 36, y: 36, width: 540, height: 720, borderColor: rgb(0.4, 0.4, 0.4), borderWidth: 1 });
    page.drawText("MINISTERIO DE EDUCACION - ARCHIVO DOCUMENTAL", { x: 72, y: 700, size: 13, font: bold });
    page.drawText(title, { x: 72, y: 660, size: 16, font: bold });
    page.drawText(ascii(`${form.student.firstNames} ${form.student.lastNames}`), { x: 72, y: 620, size: 12, font });
    page.drawText(ascii(`${form.record.degree}, ${form.record.graduationYear}`), { x: 72, y: 600, size: 12, font });
    page.drawText(ascii(form.record.institution).slice(0, 80), { x: 72, y: 580, size: 10, font });
    page.drawText(`Folio ${i + 1} de 2 - documento de demostracion (${caseNumber})`, { x: 72, y: 90, size: 10, font });
  }
  // Classic cross-reference tables: the signature is appended as an incremental update.
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

export type TGraduationRecordDemoCase = TDemoCaseSummary;

export async function seedGraduationRecordDemoCases(
  prisma: PrismaClient,
  options: { pki: TDemoPki; log?: (message: string) => void; storage?: FileStorage; now?: Date },
): Promise<{ cases: TGraduationRecordDemoCase[]; issued: Array<{ number: string; verificationCode: string }> }> {
  const log = options.log ?? (() => {});
  allowServerOnlyModules();
  const [{ submitCase }, { performCaseAction }, { signAndIssue }, { getStorage }, { signPdf }] =
    await Promise.all([
        import("../../lib/cases/submit-case"),
      import("../../lib/cases/perform-case-action"),
      import("../../lib/cases/signing/sign-case-with-signer"),
      import("../../lib/storage/get-storage"),
      import("../../lib/signing/sign-pdf"),
    ]);
  const { storage, actor, credentials } = await demoSigning(prisma, options.pki, options.storage ?? getStorage());

  const summaries: TGraduationRecordDemoCase[] = [];
  for (const def of GRADUATION_RECORD_DEMO_CASES) {
    const applicant = await actor(def.applicant);
    let row: Case | null = await findDemoCaseOfStudent(prisma, { applicantId: applicant.id, procedure: "GRADUATION_RECORD", student: def.form.student });
    const created = row === null;
    if (!row) {
      row = await saveDemoDraft(prisma, { actor: applicant, procedure: "GRADUATION_RECORD", formData: def.form });
    }
    if (row.state === "DRAFT" && (await prisma.uploadedFile.count({ where: { caseId: row.id } })) === 0) {
      const archive = credentials("archive-officer");
      // Signed a minute ago: the demo certificate is valid from yesterday.
      const signed = await signPdf(await demoRecord(def.form, row.number), archive.signer, {
        reason: "Certificación del expediente de graduación por el Archivo Documental",
        location: "Ciudad de Guatemala",
        name: ARCHIVE.holderName,
        signingTime: new Date((options.now ?? new Date()).getTime() - 60_000),
      });
      await uploadDemoFile(
        { db: prisma, storage },
        { applicantId: applicant.id, caseId: row.id, kind: "ARCHIVE_RECORD", originalName: `expediente-graduacion-${def.form.record.graduationYear}.pdf`, bytes: signed },
      );
    }

    const reached: Record<TStep["action"], CaseState> = { submit: "CENTRAL_REVIEW", reject_for_correction: "NEEDS_CORRECTION", sign_and_issue: "ISSUED" };
    const remaining = stepsLeftByState(row, def.steps, (s) => reached[s.action]);
    row = await walkDemoSteps(prisma, row, remaining, async (step, { id: caseId, version: expectedVersion }) => {
      switch (step.action) {
        case "submit":
          await submitCase({ actor: applicant, caseId, expectedVersion, ip: null }, { db: prisma });
          break;
        case "reject_for_correction":
          await performCaseAction(
            { actor: await actor(def.staff), caseId, action: "reject_for_correction", input: { reason: step.reason }, expectedVersion, ip: null },
            { db: prisma },
          );
          break;
        case "sign_and_issue":
          await signAndIssue({ actor: await actor(def.staff), caseId, expectedVersion, ...credentials(step.certificateKey), ip: null }, { db: prisma, storage, trustedRoots: [Buffer.from(options.pki.rootPem)] });
          break;
      }
    });
    recordDemoCase(summaries, log, def, row, created);
  }

  logDemoCases(log, "D.1.2", summaries);
  const issued = await issuedDemoCases(prisma, summaries);
  for (const i of issued) log(`Certificación emitida de demostración ${i.number} (expediente de graduación): código ${i.verificationCode}`);
  return { cases: summaries, issued };
}
