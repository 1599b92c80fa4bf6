import path from "node:path";
import { rgb } from "pdf-lib";
import type { Case, PrismaClient } from "../../lib/generated/prisma/client";
import type { CaseState } from "../../lib/generated/prisma/enums";
import type { FileStorage } from "../../lib/storage/file-storage";
import { allowServerOnlyModules, demoSigning, demoEmail as email, demoFiledAt, findDemoCaseOfStudent, logDemoCases, newDemoPdf, recordDemoCase, stepsLeftByState, uploadDemoFile, walkDemoSteps, type TDemoCaseSummary } from "./demo-walk";
import type { TDemoPki } from "./ensure-demo-pki";

export { allowServerOnlyModules, type TDemoCaseSummary };

// Demo D.1.1 cases, one in each state of the procedure, made by walking the real operations
// (createDraftCase, storeUpload, transition, generateCertification, signCertification with the
// demo PKCS#12 files, signAndIssue) — never by inserting rows — so the demo shows exactly what
// the app produces: audit trail, sheets, signed PDFs, verification codes, mails in the outbox.
//
// Idempotent and resumable: a demo case is known by its applicant and the student's name; a
// re-run finds it and only walks it further if an earlier run stopped half way.

type TStep =
  | { action: "submit" }
  | { action: "reject_for_correction"; reason: string }
  | { action: "reject_with_guidance"; reason: string }
  | { action: "generate_certification" }
  | { action: "sign"; certificateKey: string }
  | { action: "sign_and_issue"; certificateKey: string };

type TDemoCaseDefinition = {
  key: string;
  target: CaseState;
  applicant: string;
  dideducCode: string;
  reviewer: string;
  signer: string;
  form: {
    modality: "ESCOLAR" | "EXTRAESCOLAR";
    documentKinds: string[];
    otherDescription?: string;
    student: { firstNames: string; lastNames: string; cui?: string; birthDate?: string };
    studies: { level: string; year: number; institution: string }[];
    contactPhone?: string;
  };
  steps: TStep[];
  // Filed this many business days ago (decision 0022: the queues show it against its target).
  filedBusinessDaysAgo?: number;
};

const GN = "guatemala-norte";
const XELA = "quetzaltenango";
const GN_STAFF = { dideducCode: GN, reviewer: email("revisora.guatemala-norte"), signer: email("firmante.guatemala-norte") };
const XELA_STAFF = { dideducCode: XELA, reviewer: email("revisora.quetzaltenango"), signer: email("firmante.quetzaltenango") };

const PRIMARY_SCHOOL = "Escuela Oficial Urbana Mixta No. 14 «Jornada Matutina», zona 6, Ciudad de Guatemala";
const BASIC_SCHOOL = "Instituto Nacional de Educación Básica «Adrián Zapata», zona 6, Ciudad de Guatemala";

const submit: TStep = { action: "submit" };
const generate: TStep = { action: "generate_certification" };

export const DEMO_CASES: readonly TDemoCaseDefinition[] = [
  {
    key: "issued",
    target: "ISSUED",
    applicant: email("ciudadana"),
    ...GN_STAFF,
    form: {
      modality: "ESCOLAR",
      documentKinds: ["CERTIFICADOS_ESTUDIO", "DIPLOMA"],
      student: { firstNames: "María José", lastNames: "Ixcot Chávez", cui: "5260181510901", birthDate: "1997-06-02" },
      studies: [
        { level: "Sexto grado de educación primaria", year: 2010, institution: PRIMARY_SCHOOL },
        { level: "Primero básico", year: 2011, institution: BASIC_SCHOOL },
        { level: "Segundo básico", year: 2012, institution: BASIC_SCHOOL },
        { level: "Tercero básico", year: 2013, institution: BASIC_SCHOOL },
      ],
      contactPhone: "5512-3478",
    },
    steps: [submit, generate, { action: "sign", certificateKey: "signer-guatemala-norte" }, { action: "sign_and_issue", certificateKey: "central-assistant" }],
  },
  {
    key: "central-review",
    target: "CENTRAL_REVIEW",
    applicant: email("ciudadano"),
    ...XELA_STAFF,
    form: {
      modality: "EXTRAESCOLAR",
      documentKinds: ["CERTIFICACION_CURSOS"],
      student: { firstNames: "Rosa Amalia", lastNames: "Sic Batz", birthDate: "1985-11-02" },
      studies: [
        { level: "Primera etapa de educación acelerada para adultos", year: 2016, institution: "PRONEA — Programa Nacional de Educación Alternativa, Quetzaltenango" },
        { level: "Segunda etapa de educación acelerada para adultos", year: 2017, institution: "PRONEA — Programa Nacional de Educación Alternativa, Quetzaltenango" },
      ],
      contactPhone: "4478-2106",
    },
    steps: [submit, generate, { action: "sign", certificateKey: "signer-quetzaltenango" }],
  },
  {
    key: "dideduc-signature",
    target: "DIDEDUC_SIGNATURE",
    applicant: email("ciudadana"),
    ...GN_STAFF,
    form: {
      modality: "ESCOLAR",
      documentKinds: ["CERTIFICADOS_ESTUDIO", "CIERRE_PENSUM"],
      student: { firstNames: "Lucía Isabel", lastNames: "Ixcot Chávez", birthDate: "2003-07-25" },
      studies: [
        { level: "Cuarto bachillerato en Ciencias y Letras", year: 2019, institution: "Instituto Nacional de Educación Diversificada, Mixco" },
        { level: "Quinto bachillerato en Ciencias y Letras", year: 2020, institution: "Instituto Nacional de Educación Diversificada, Mixco" },
      ],
    },
    steps: [submit, generate],
  },
  {
    key: "rejected",
    target: "REJECTED",
    applicant: email("ciudadano"),
    ...GN_STAFF,
    form: {
      modality: "ESCOLAR",
      documentKinds: ["OTROS"],
      otherDescription: "Constancia de cursos aprobados",
      student: { firstNames: "Pedro Antonio", lastNames: "Sic Batz" },
      studies: [{ level: "Primero básico", year: 1994, institution: "Colegio Mixto «El Progreso», zona 18, Ciudad de Guatemala (cerrado)" }],
    },
    steps: [submit, { action: "reject_with_guidance", reason: "El establecimiento cerró y sus registros de 1994 no constan en esta Dirección Departamental. Solicite una certificación en la Supervisión Educativa indicada." }],
  },
  {
    key: "needs-correction",
    target: "NEEDS_CORRECTION",
    applicant: email("ciudadana"),
    ...GN_STAFF,
    form: {
      modality: "ESCOLAR",
      documentKinds: ["CERTIFICADOS_ESTUDIO"],
      student: { firstNames: "Carlos Enrique", lastNames: "Ixcot Chávez" },
      studies: [{ level: "Tercero básico", year: 2015, institution: BASIC_SCHOOL }],
    },
    steps: [submit, { action: "reject_for_correction", reason: "Falta el reverso del certificado de tercero básico. Escanee ambas caras y vuelva a enviar la solicitud." }],
  },
  {
    key: "review",
    target: "DIDEDUC_REVIEW",
    applicant: email("ciudadano"),
    ...GN_STAFF,
    form: {
      modality: "ESCOLAR",
      documentKinds: ["DIPLOMA"],
      student: { firstNames: "Juan Pablo", lastNames: "Sic Batz", cui: "9083016690101" },
      studies: [{ level: "Sexto grado de educación primaria", year: 2006, institution: "Escuela Oficial Rural Mixta Aldea El Chato, Chinautla" }],
    },
    steps: [submit],
    // Past the DIDEDUC review's 5 business days: «Vencida» in the reviewer's queue.
    filedBusinessDaysAgo: 8,
  },
  {
    key: "draft",
    target: "DRAFT",
    applicant: email("ciudadana"),
    ...GN_STAFF,
    form: {
      modality: "ESCOLAR",
      documentKinds: ["CERTIFICADOS_ESTUDIO"],
      student: { firstNames: "Ana Sofía", lastNames: "Ixcot Chávez" },
      studies: [{ level: "Primero básico", year: 2022, institution: BASIC_SCHOOL }],
    },
    steps: [],
  },
];

// What each transition leaves the case in, to know how far a found case already went.
const REACHES: Record<TStep["action"], CaseState> = {
  submit: "DIDEDUC_REVIEW",
  reject_for_correction: "NEEDS_CORRECTION",
  reject_with_guidance: "REJECTED",
  generate_certification: "DIDEDUC_SIGNATURE",
  sign: "CENTRAL_REVIEW",
  sign_and_issue: "ISSUED",
};

export type TDemoCasesResult = {
  cases: TDemoCaseSummary[];
  issued: { number: string; verificationCode: string; verificationUrl: string; pdfPath: string } | null;
};

// Two pages (anverso, reverso) per scanned document, different for every case so the upload
// check against duplicates never trips, small enough to keep the demo data light.
async function demoScan(title: string, holder: string, caseNumber: string): Promise<Buffer> {
  const { doc, font, bold } = await newDemoPdf(`${title} — ${holder}`);
  for (const side of ["ANVERSO", "REVERSO"]) {
    const page = doc.addPage([612, 792]);
    page.drawRectangle({ x: 36, y: 36, width: 540, height: 720, borderColor: rgb(0.4, 0.4, 0.4), borderWidth: 1 });
    page.drawText("MINISTERIO DE EDUCACION - REPUBLICA DE GUATEMALA", { x: 72, y: 700, size: 13, font: bold });
    page.drawText(title.normalize("NFD").replace(/[\u0300-\u036f]/g, ""), { x: 72, y: 660, size: 18, font: bold });
    page.drawText(`A nombre de: ${holder.normalize("NFD").replace(/[\u0300-\u036f]/g, "")}`, { x: 72, y: 620, size: 12, font });
    page.drawText(`${side} - documento escaneado de demostracion (${caseNumber})`, { x: 72, y: 90, size: 10, font });
    page.drawText("Firma y sello: ____________________", { x: 72, y: 200, size: 11, font });
  }
  return Buffer.from(await doc.save());
}

const DOCUMENT_TITLES: Record<string, string> = {
  CERTIFICADOS_ESTUDIO: "Certificado de estudios",
  DIPLOMA: "Diploma",
  CIERRE_PENSUM: "Cierre de pensum",
  CERTIFICACION_CURSOS: "Certificacion general de cursos",
  OTROS: "Constancia",
};

export async function seedDemoCases(
  prisma: PrismaClient,
  options: { pki: TDemoPki; log?: (message: string) => void; storage?: FileStorage },
): Promise<TDemoCasesResult> {
  const log = options.log ?? (() => {});
  allowServerOnlyModules();
  const [{ createDraftCase }, { transition }, { generateCertification }, { signCertification }, { signAndIssue }, { getStorage }, { verificationUrl }] =
    await Promise.all([
      import("../../lib/cases/create-draft-case"),
      import("../../lib/workflow/transition"),
      import("../../lib/cases/generate-certification"),
      import("../../lib/cases/signing/sign-case-with-signer"),
      import("../../lib/cases/signing/sign-case-with-signer"),
      import("../../lib/storage/get-storage"),
      import("../../lib/verification/verification-url"),
    ]);
  const { storage, deps, actor, credentials } = await demoSigning(prisma, options.pki, options.storage ?? getStorage());

  const summaries: TDemoCaseSummary[] = [];
  for (const def of DEMO_CASES) {
    const applicant = await actor(def.applicant);
    const dideduc = await prisma.dideduc.findUniqueOrThrow({ where: { code: def.dideducCode } });
    let row: Case | null = await findDemoCaseOfStudent(prisma, { applicantId: applicant.id, procedure: "EDUCATIONAL_RECORD", student: def.form.student });
    const created = row === null;
    const filedAt = def.filedBusinessDaysAgo ? await demoFiledAt(prisma, def.filedBusinessDaysAgo) : undefined;
    if (!row) {
      row = await createDraftCase(applicant, { procedure: "EDUCATIONAL_RECORD", dideducId: dideduc.id, formData: { ...def.form, signedBy: "DIDEDUC" } }, { db: prisma, now: filedAt });
      const holder = `${def.form.student.firstNames} ${def.form.student.lastNames}`;
      for (const kind of def.form.documentKinds) {
        const title = DOCUMENT_TITLES[kind] ?? "Documento";
        const bytes = await demoScan(title, holder, row.number);
        await uploadDemoFile(deps, { applicantId: applicant.id, caseId: row.id, kind: "SCAN", originalName: `${title.toLowerCase().replace(/\s+/g, "-")}.pdf`, bytes });
      }
    }

    // Walk the remaining steps from wherever the case stands.
    const remaining = stepsLeftByState(row, def.steps, (s) => REACHES[s.action]);
    row = await walkDemoSteps(prisma, row, remaining, async (step, { id: caseId, version: expectedVersion }) => {
      switch (step.action) {
        case "submit":
          // Sent a few minutes after the draft was started.
          await transition(caseId, "submit", applicant, {}, expectedVersion, { db: prisma, now: filedAt ? new Date(filedAt.getTime() + 10 * 60_000) : undefined });
          break;
        case "reject_for_correction":
          await transition(caseId, "reject_for_correction", await actor(def.reviewer), { reason: step.reason }, expectedVersion, { db: prisma });
          break;
        case "reject_with_guidance": {
          const office = await prisma.supervisionOffice.findFirstOrThrow({ where: { dideducId: dideduc.id, active: true }, orderBy: { id: "asc" } });
          await transition(
            caseId,
            "reject_with_guidance",
            await actor(def.reviewer),
            { reason: step.reason, supervision: { name: office.name, phone: office.phone, address: office.address } },
            expectedVersion,
            { db: prisma },
          );
          break;
        }
        case "generate_certification":
          await generateCertification(
            {
              actor: await actor(def.reviewer),
              caseId,
              expectedVersion,
              checklist: { studies: true, authorities: true, signaturesAndSeals: true, studentName: true, gradeLevels: true },
            },
            deps,
          );
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
  }
  logDemoCases(log, "D.1.1", summaries);

  let issued: TDemoCasesResult["issued"] = null;
  const issuedSummary = summaries.find((s) => s.key === "issued" && s.state === "ISSUED");
  if (issuedSummary) {
    const c = await prisma.case.findUniqueOrThrow({ where: { id: issuedSummary.id } });
    const doc = await prisma.documentVersion.findFirst({ where: { caseId: c.id, stage: "ISSUED" }, orderBy: { createdAt: "desc" } });
    if (c.verificationCode && doc) {
      const withPath = storage as FileStorage & { pathFor?: (key: string) => string };
      const pdfPath = typeof withPath.pathFor === "function" ? path.resolve(withPath.pathFor(doc.storageKey)) : `${storage.name}:${doc.storageKey}`;
      issued = { number: c.number, verificationCode: c.verificationCode, verificationUrl: verificationUrl(c.verificationCode), pdfPath };
      log(`Certificación emitida de demostración ${c.number}: código ${c.verificationCode} (${issued.verificationUrl}); PDF: ${pdfPath}`);
    }
  }
  return { cases: summaries, issued };
}
