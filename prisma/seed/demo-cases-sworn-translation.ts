import type { Case, PrismaClient } from "../../lib/generated/prisma/client";
import type { CaseState } from "../../lib/generated/prisma/enums";
import type { FileStorage } from "../../lib/storage/file-storage";
import { DEMO_SWORN_TRANSLATOR } from "./demo-accounts";
import { allowServerOnlyModules, demoSigning, demoEmail as email, issuedDemoCases, logDemoCases, newDemoPdf, recordDemoCase, saveDemoDraft, uploadDemoFile, walkCentralDemoSteps, type TDemoCaseSummary } from "./demo-walk";
import type { TDemoPki } from "./ensure-demo-pki";

// Demo D.3 cases (certificación de traducción jurada), one in each state the procedure reaches
// (DRAFT, CENTRAL_REVIEW, REJECTED, ISSUED), translations by the seed's registered translator
// (Ana Lucía Méndez Ruiz, inglés y francés). Made by walking the real operations the screens call
// (saveCaseDraft, storeUpload, submitCase, performCaseAction, signAndIssue with the demo central
// assistant's PKCS#12), never by inserting rows; the rejected one also has the new request started
// from it (startCaseFrom), left as a draft.
//
// Idempotent and resumable: a demo case is known by its applicant and the document's holder; a
// re-run finds it and only walks it further if an earlier run stopped half way.
//
// Call after the accounts, the PKI and the sworn translators' registry exist
// (prisma/seed/seed-database.ts, with the other demo cases):
//   const { seedSwornTranslationDemoCases } = await import("./demo-cases-sworn-translation");
//   await seedSwornTranslationDemoCases(prisma, { pki, log, storage: options.storage });

type TStep = { action: "submit" } | { action: "reject"; reason: string } | { action: "sign_and_issue"; certificateKey: string };

type TDemoCaseDefinition = {
  key: string;
  target: CaseState;
  applicant: string;
  language: string;
  documentTitle: string;
  holderName: string;
  // Typed as it appears on the translation; the others are picked from the registry.
  typedAgreement?: string;
  steps: TStep[];
};

const ASSISTANT = email("asistente.central");
const submit: TStep = { action: "submit" };

export const SWORN_TRANSLATION_DEMO_CASES: readonly TDemoCaseDefinition[] = [
  {
    key: "d3-issued",
    target: "ISSUED",
    applicant: email("ciudadana"),
    language: "inglés",
    documentTitle: "Diploma de Bachelor of Science in Nursing, University of Texas at El Paso",
    holderName: "María José Ixcot Chávez",
    steps: [submit, { action: "sign_and_issue", certificateKey: "central-assistant" }],
  },
  {
    key: "d3-central-review",
    target: "CENTRAL_REVIEW",
    applicant: email("ciudadano"),
    language: "francés",
    documentTitle: "Acta de nacimiento, República Francesa",
    holderName: "Juan Pablo Sic Batz",
    steps: [submit],
  },
  {
    key: "d3-rejected",
    target: "REJECTED",
    applicant: email("ciudadana"),
    language: "inglés",
    documentTitle: "Certificado de antecedentes penales, Estado de California",
    holderName: "Lucía Isabel Ixcot Chávez",
    // Written on the translation in its short form; the registry recognizes it.
    typedAgreement: "AM 2418-2019",
    steps: [
      submit,
      {
        action: "reject",
        reason:
          "La traducción adjunta no lleva la firma ni el sello de la traductora jurada en su última hoja. Pida a la traductora que la firme y selle, escanéela completa e inicie una nueva solicitud.",
      },
    ],
  },
  {
    key: "d3-draft",
    target: "DRAFT",
    applicant: email("ciudadano"),
    language: "inglés",
    documentTitle: "Transcript of records, Instituto Tecnológico de Monterrey",
    holderName: "Rosa Amalia Sic Batz",
    steps: [],
  },
];

const REACHES: Record<TStep["action"], CaseState> = { submit: "CENTRAL_REVIEW", reject: "REJECTED", sign_and_issue: "ISSUED" };

// The translation: two pages, the last with the translator's signature and stamp (unsigned for the
// demo case rejected for lacking them). Also the after-issuance demo cases' (demo-cases-after-issuance.ts).
export async function demoTranslation(
  def: Pick<TDemoCaseDefinition, "key" | "language" | "documentTitle" | "holderName">,
  caseNumber: string,
): Promise<Buffer> {
  const plain = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const { doc, font, bold } = await newDemoPdf(`Traducción jurada - ${plain(def.documentTitle)}`);
  const first = doc.addPage([612, 792]);
  first.drawText(`TRADUCCION JURADA DEL ${plain(def.language).toUpperCase()} AL ESPANOL`, { x: 72, y: 720, size: 14, font: bold });
  first.drawText(plain(def.documentTitle).slice(0, 80), { x: 72, y: 690, size: 11, font });
  first.drawText(`Titular: ${plain(def.holderName)}`, { x: 72, y: 670, size: 11, font });
  first.drawText(`Documento escaneado de demostracion (${caseNumber}), hoja 1`, { x: 72, y: 60, size: 9, font });
  const last = doc.addPage([612, 792]);
  last.drawText("Doy fe de que la presente es traduccion fiel del documento original.", { x: 72, y: 600, size: 11, font });
  if (def.key !== "d3-rejected") {
    last.drawText(`${plain(DEMO_SWORN_TRANSLATOR.name)} - Traductora jurada`, { x: 72, y: 200, size: 11, font: bold });
    last.drawText(`${plain(DEMO_SWORN_TRANSLATOR.appointmentResolution)} - Registro ${DEMO_SWORN_TRANSLATOR.dideducRegistrationNumber}`, { x: 72, y: 182, size: 10, font });
  }
  last.drawText(`Documento escaneado de demostracion (${caseNumber}), hoja 2`, { x: 72, y: 60, size: 9, font });
  return Buffer.from(await doc.save());
}

export type TSwornTranslationDemoCaseSummary = TDemoCaseSummary;

export async function seedSwornTranslationDemoCases(
  prisma: PrismaClient,
  options: { pki: TDemoPki; log?: (message: string) => void; storage?: FileStorage },
): Promise<{ cases: TSwornTranslationDemoCaseSummary[]; issued: { number: string; verificationCode: string }[] }> {
  const log = options.log ?? (() => {});
  allowServerOnlyModules();
  const [{ startCaseFrom }, { signAndIssue }, { getStorage }] = await Promise.all([
    import("../../lib/cases/start-case-from"),
    import("../../lib/cases/signing/sign-case-with-signer"),
    import("../../lib/storage/get-storage"),
  ]);
  const { storage, deps, actor, credentials } = await demoSigning(prisma, options.pki, options.storage ?? getStorage());

  const entry = await prisma.swornTranslator.findFirstOrThrow({ where: { dideducRegistrationNumber: DEMO_SWORN_TRANSLATOR.dideducRegistrationNumber } });
  const summaries: TSwornTranslationDemoCaseSummary[] = [];
  for (const def of SWORN_TRANSLATION_DEMO_CASES) {
    const applicant = await actor(def.applicant);
    let row: Case | null = await prisma.case.findFirst({
      where: { applicantId: applicant.id, procedure: "SWORN_TRANSLATION", parentCaseId: null, formData: { path: ["holderName"], equals: def.holderName } },
      orderBy: { createdAt: "asc" },
    });
    const created = row === null;
    if (!row) {
      const formData = {
        // Picked from the registry, except an agreement typed as the translation writes it.
        translator: {
          ...(def.typedAgreement ? {} : { id: entry.id }),
          name: entry.name,
          agreementNumber: def.typedAgreement ?? entry.appointmentResolution,
          registrationNumber: entry.dideducRegistrationNumber,
          language: def.language,
        },
        documentTitle: def.documentTitle,
        holderName: def.holderName,
      };
      row = await saveDemoDraft(prisma, { actor: applicant, procedure: "SWORN_TRANSLATION", formData });
      await uploadDemoFile(
        { db: prisma, storage },
        { applicantId: applicant.id, caseId: row.id, kind: "TRANSLATION", originalName: "traduccion-jurada.pdf", bytes: await demoTranslation(def, row.number) },
      );
    }

    row = await walkCentralDemoSteps(prisma, row, def.steps, REACHES, { applicant, staff: () => actor(ASSISTANT) }, async (step, caseId, expectedVersion) => {
      if (step.action === "sign_and_issue") await signAndIssue({ actor: await actor(ASSISTANT), caseId, expectedVersion, ...credentials(step.certificateKey) }, deps);
    });
    recordDemoCase(summaries, log, def, row, created);

    // The new request the citizen starts from the rejected one ("Iniciar una nueva solicitud").
    if (row.state === "REJECTED" && (await prisma.case.count({ where: { parentCaseId: row.id } })) === 0) {
      const restarted = await startCaseFrom({ actor: applicant, caseId: row.id }, { db: prisma });
      const c = await prisma.case.findUniqueOrThrow({ where: { id: restarted.caseId } });
      summaries.push({ key: `${def.key}-new-request`, id: c.id, number: c.number, state: c.state, created: true });
    }
  }

  const issued = await issuedDemoCases(prisma, summaries);
  logDemoCases(log, "D.3", summaries);
  for (const i of issued) log(`Traducción jurada certificada de demostración ${i.number}: código ${i.verificationCode}`);
  return { cases: summaries, issued };
}
