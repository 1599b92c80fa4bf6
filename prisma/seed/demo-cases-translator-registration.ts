import { rgb } from "pdf-lib";
import type { Case, PrismaClient } from "../../lib/generated/prisma/client";
import type { CaseState } from "../../lib/generated/prisma/enums";
import type { FileStorage } from "../../lib/storage/file-storage";
import { DEMO_SWORN_TRANSLATOR } from "./demo-accounts";
import { allowServerOnlyModules, demoActors, demoEmail as email, logDemoCases, newDemoPdf, recordDemoCase, saveDemoDraft, uploadDemoFile, walkCentralDemoSteps, type TDemoCaseSummary } from "./demo-walk";

// Demo D.4 cases (registro de traductor jurado), one in each state the procedure reaches (DRAFT,
// MANAGER_REVIEW, REJECTED, REGISTERED), filed by the two demo translator accounts and decided by
// the demo central manager. Made by walking the real operations the screens call (saveCaseDraft,
// storeUpload, submitCase, performCaseAction, acceptTranslatorRegistration), never by inserting rows.
// - The registered translator (Ana Lucía Méndez Ruiz) files her registration with the data the
//   seed's registry already holds, and the manager accepts it: her entry is linked to that case.
//   She then starts an update adding a language (left as a draft).
// - The unregistered translator (Diego Alejandro Rodríguez Sánchez) is rejected once (the
//   resolution lacks the DIDEDUC's stamp) and files again: that one waits for the manager, so the
//   demo can accept it on screen.
//
// Idempotent and resumable: a demo case is known by its applicant and its form data; a re-run
// finds it and only walks it further if an earlier run stopped half way.
//
// Call after the accounts, the DIDEDUCs and the sworn translators' registry exist
// (prisma/seed/seed-database.ts, with the other demo cases):
//   const { seedTranslatorRegistrationDemoCases } = await import("./demo-cases-translator-registration");
//   await seedTranslatorRegistrationDemoCases(prisma, { log, storage: options.storage });

type TStep = { action: "submit" } | { action: "reject"; reason: string } | { action: "accept" };

type TDemoCaseDefinition = {
  key: string;
  target: CaseState;
  applicant: string;
  form: {
    name: string;
    gender?: "FEMININE" | "MASCULINE";
    languages: string[];
    otherLanguages?: string;
    appointmentResolution: string;
    dideducRegistrationNumber: string;
    dideducCode: string;
    resolutionStampConfirmed?: boolean;
    contactPhone?: string;
  };
  steps: TStep[];
};

const MANAGER = email("encargado.central");
const ANA = email("traductora");
const DIEGO = email("traductor");
const submit: TStep = { action: "submit" };

const DIEGO_FORM = {
  name: "Diego Alejandro Rodríguez Sánchez",
  gender: "MASCULINE" as const,
  languages: ["inglés", "portugués"],
  appointmentResolution: "Acuerdo Ministerial 1187-2021",
  dideducCode: "quetzaltenango",
  resolutionStampConfirmed: true,
  contactPhone: "4021-7731",
};

export const TRANSLATOR_REGISTRATION_DEMO_CASES: readonly TDemoCaseDefinition[] = [
  {
    key: "d4-registered",
    target: "REGISTERED",
    applicant: ANA,
    form: {
      name: DEMO_SWORN_TRANSLATOR.name,
      gender: DEMO_SWORN_TRANSLATOR.gender,
      languages: [...DEMO_SWORN_TRANSLATOR.languages],
      appointmentResolution: DEMO_SWORN_TRANSLATOR.appointmentResolution,
      dideducRegistrationNumber: DEMO_SWORN_TRANSLATOR.dideducRegistrationNumber,
      dideducCode: DEMO_SWORN_TRANSLATOR.dideducCode,
      resolutionStampConfirmed: true,
      contactPhone: "5530-1942",
    },
    steps: [submit, { action: "accept" }],
  },
  {
    key: "d4-rejected",
    target: "REJECTED",
    applicant: DIEGO,
    form: { ...DIEGO_FORM, dideducRegistrationNumber: "TJ-QZ-107" },
    steps: [
      submit,
      {
        action: "reject",
        reason:
          "La resolución adjunta no lleva el sello de registro de la Dirección Departamental de Educación de Quetzaltenango, y el número de registro no coincide con su libro (TJ-QZ-0107). Adjunte la resolución con el sello legible.",
      },
    ],
  },
  {
    key: "d4-manager-review",
    target: "MANAGER_REVIEW",
    applicant: DIEGO,
    form: { ...DIEGO_FORM, dideducRegistrationNumber: "TJ-QZ-0107" },
    steps: [submit],
  },
  {
    key: "d4-draft",
    target: "DRAFT",
    applicant: ANA,
    form: {
      name: DEMO_SWORN_TRANSLATOR.name,
      gender: DEMO_SWORN_TRANSLATOR.gender,
      languages: [...DEMO_SWORN_TRANSLATOR.languages, "alemán"],
      appointmentResolution: "Acuerdo Ministerial 0933-2026",
      dideducRegistrationNumber: DEMO_SWORN_TRANSLATOR.dideducRegistrationNumber,
      dideducCode: DEMO_SWORN_TRANSLATOR.dideducCode,
    },
    steps: [],
  },
];

const REACHES: Record<TStep["action"], CaseState> = { submit: "MANAGER_REVIEW", reject: "REJECTED", accept: "REGISTERED" };

// The resolution or agreement, with (or, for the rejected one, without) the DIDEDUC's stamp.
async function demoResolution(def: TDemoCaseDefinition, caseNumber: string): Promise<Buffer> {
  const plain = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const { doc, font, bold } = await newDemoPdf(`Resolución de nombramiento - ${plain(def.form.name)}`);
  const page = doc.addPage([612, 792]);
  page.drawText("MINISTERIO DE EDUCACION - REPUBLICA DE GUATEMALA", { x: 110, y: 730, size: 14, font: bold });
  page.drawText(plain(def.form.appointmentResolution).toUpperCase(), { x: 72, y: 690, size: 13, font: bold });
  page.drawText(`Se nombra traductor(a) jurado(a) a ${plain(def.form.name)}`, { x: 72, y: 650, size: 12, font });
  page.drawText(`para los idiomas: ${plain(def.form.languages.join(", "))}`, { x: 72, y: 630, size: 12, font });
  if (def.key !== "d4-rejected") {
    page.drawRectangle({ x: 330, y: 160, width: 220, height: 110, borderColor: rgb(0.1, 0.2, 0.6), borderWidth: 2 });
    page.drawText("DIRECCION DEPARTAMENTAL DE EDUCACION", { x: 338, y: 245, size: 9, font: bold, color: rgb(0.1, 0.2, 0.6) });
    page.drawText("REGISTRADO", { x: 400, y: 215, size: 14, font: bold, color: rgb(0.1, 0.2, 0.6) });
    page.drawText(`No. ${def.form.dideducRegistrationNumber}`, { x: 400, y: 190, size: 11, font, color: rgb(0.1, 0.2, 0.6) });
  }
  page.drawText(`Documento escaneado de demostracion (${caseNumber})`, { x: 72, y: 60, size: 9, font });
  return Buffer.from(await doc.save());
}

export type TTranslatorRegistrationDemoCaseSummary = TDemoCaseSummary;

export async function seedTranslatorRegistrationDemoCases(
  prisma: PrismaClient,
  options: { log?: (message: string) => void; storage?: FileStorage } = {},
): Promise<{ cases: TTranslatorRegistrationDemoCaseSummary[] }> {
  const log = options.log ?? (() => {});
  allowServerOnlyModules();
  const [{ acceptTranslatorRegistration }, { getStorage }] = await Promise.all([
    import("../../lib/cases/accept-translator-registration"),
    import("../../lib/storage/get-storage"),
  ]);
  const { ZTranslatorRegistrationDraft } = await import("../../lib/cases/forms/translator-registration-form");
  const storage = options.storage ?? getStorage();

  const actor = demoActors(prisma);

  const summaries: TTranslatorRegistrationDemoCaseSummary[] = [];
  for (const def of TRANSLATOR_REGISTRATION_DEMO_CASES) {
    const applicant = await actor(def.applicant);
    const { dideducCode, ...rest } = def.form;
    const dideduc = await prisma.dideduc.findUniqueOrThrow({ where: { code: dideducCode }, select: { id: true } });
    const formData = ZTranslatorRegistrationDraft.parse({ ...rest, dideducId: dideduc.id });
    const existing = await prisma.case.findMany({ where: { applicantId: applicant.id, procedure: "TRANSLATOR_REGISTRATION" }, orderBy: { createdAt: "asc" } });
    let row: Case | null = existing.find((c) => JSON.stringify(ZTranslatorRegistrationDraft.parse(c.formData)) === JSON.stringify(formData)) ?? null;
    const created = row === null;
    if (!row) {
      row = await saveDemoDraft(prisma, { actor: applicant, procedure: "TRANSLATOR_REGISTRATION", formData });
      await uploadDemoFile(
        { db: prisma, storage },
        { applicantId: applicant.id, caseId: row.id, kind: "APPOINTMENT_RESOLUTION", originalName: "resolucion-nombramiento.pdf", bytes: await demoResolution(def, row.number) },
      );
    }

    row = await walkCentralDemoSteps(prisma, row, def.steps, REACHES, { applicant, staff: () => actor(MANAGER) }, async (step, caseId, expectedVersion) => {
      if (step.action === "accept") await acceptTranslatorRegistration({ actor: await actor(MANAGER), caseId, expectedVersion, ip: null }, { db: prisma });
    });
    recordDemoCase(summaries, log, def, row, created);
  }
  logDemoCases(log, "D.4", summaries);
  return { cases: summaries };
}
