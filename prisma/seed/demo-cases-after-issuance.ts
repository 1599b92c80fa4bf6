import type { Case, PrismaClient } from "../../lib/generated/prisma/client";
import type { FileStorage } from "../../lib/storage/file-storage";
import { DEMO_SWORN_TRANSLATOR } from "./demo-accounts";
import { allowServerOnlyModules, demoSigning, demoEmail as email, logDemoCases, saveDemoDraft, uploadDemoFile, type TDemoCaseSummary } from "./demo-walk";
import type { TDemoPki } from "./ensure-demo-pki";
import { demoTranslation } from "./demo-cases-sworn-translation";

// Demo certifications after issuance (issue #11): one revoked (anulada) by the Encargado de
// Atención al Ciudadano, and one replaced by its corrected re-issue (reposición), both D.3
// (certificación de traducción jurada: the central office issues it alone, so each issuance is one
// signature and the seed stays quick). Made by walking the real operations the screens call
// (saveCaseDraft, storeUpload, submitCase, signAndIssue with the demo central assistant's PKCS#12,
// transition "revoke" by the demo Encargado, startReissue, the holder's saveCaseDraft and
// submitCase, and signAndIssue again, which revokes the original as REPLACED), never by inserting rows.
//
// Idempotent and resumable: each original is known by its applicant and the holder's name as typed;
// the re-issue by its link to the original. A re-run walks whatever is left and adds nothing else.
//
// Call after the accounts, the PKI and the sworn translators' registry exist (seed-database.ts).

const ASSISTANT = email("asistente.central");
const MANAGER = email("encargado.central");

type TDemoOriginal = { key: string; applicant: string; language: string; documentTitle: string; holderName: string };

export const REVOKED_DEMO_CASE: TDemoOriginal & { category: "DATA_ERROR"; note: string } = {
  key: "revoked",
  applicant: email("ciudadano"),
  language: "francés",
  documentTitle: "Diplôme du baccalauréat général, Académie de Lyon",
  holderName: "Pedro Antonio Sic Batz",
  category: "DATA_ERROR",
  note: "La traducción adjunta corresponde a otro diploma (el número no coincide con el original que presentó el titular). Anulada a solicitud de la traductora jurada.",
};

export const REPLACED_DEMO_CASE: TDemoOriginal & { reissueNote: string; correctedHolderName: string } = {
  key: "replaced",
  applicant: email("ciudadana"),
  language: "inglés",
  documentTitle: "High School Diploma, Miami Dade County Public Schools",
  // As the citizen first typed it: the certification printed the surname wrong.
  holderName: "Carlos Enrique Ixcot Chaves",
  correctedHolderName: "Carlos Enrique Ixcot Chávez",
  reissueNote: "El apellido del titular quedó mal escrito en la certificación: es «Chávez», con z y tilde, como en la traducción. Corríjalo en «Nombre del titular» y envíe la solicitud.",
};

export type TAfterIssuanceDemoResult = {
  cases: TDemoCaseSummary[];
  revoked: { number: string; verificationCode: string } | null;
  replaced: { number: string; verificationCode: string; replacedBy: { number: string; verificationCode: string } } | null;
};

export async function seedAfterIssuanceDemoCases(
  prisma: PrismaClient,
  options: { pki: TDemoPki; log?: (message: string) => void; storage?: FileStorage },
): Promise<TAfterIssuanceDemoResult> {
  const log = options.log ?? (() => {});
  allowServerOnlyModules();
  const [{ submitCase }, { signAndIssue }, { transition }, { startReissue }, { saveCaseDraft }, { getStorage }] = await Promise.all([
    import("../../lib/cases/submit-case"),
    import("../../lib/cases/signing/sign-case-with-signer"),
    import("../../lib/workflow/transition"),
    import("../../lib/cases/start-reissue"),
    import("../../lib/cases/save-case-draft"),
    import("../../lib/storage/get-storage"),
  ]);
  const { storage, deps: certify, actor, credentials } = await demoSigning(prisma, options.pki, options.storage ?? getStorage());
  const entry = await prisma.swornTranslator.findFirstOrThrow({ where: { dideducRegistrationNumber: DEMO_SWORN_TRANSLATOR.dideducRegistrationNumber } });
  const reload = (id: string) => prisma.case.findUniqueOrThrow({ where: { id } });

  // The central assistant's "Firmar y emitir" (the one signature of D.3).
  async function issue(row: Case): Promise<Case> {
    await signAndIssue({ actor: await actor(ASSISTANT), caseId: row.id, expectedVersion: row.version, ...credentials("central-assistant") }, certify);
    return reload(row.id);
  }
  // The holder's "Enviar solicitud".
  async function send(applicantAddress: string, row: Case): Promise<Case> {
    await submitCase({ actor: await actor(applicantAddress), caseId: row.id, expectedVersion: row.version, ip: null }, { db: prisma });
    return reload(row.id);
  }

  // An original: found again, or drafted with its translation, sent and issued.
  async function issuedOriginal(def: TDemoOriginal): Promise<{ row: Case; created: boolean }> {
    const applicant = await actor(def.applicant);
    let row = await prisma.case.findFirst({
      where: { applicantId: applicant.id, procedure: "SWORN_TRANSLATION", reissueOfId: null, parentCaseId: null, formData: { path: ["holderName"], equals: def.holderName } },
      orderBy: { createdAt: "asc" },
    });
    const created = row === null;
    if (!row) {
      const formData = {
        translator: { id: entry.id, name: entry.name, agreementNumber: entry.appointmentResolution, registrationNumber: entry.dideducRegistrationNumber, language: def.language },
        documentTitle: def.documentTitle,
        holderName: def.holderName,
      };
      row = await saveDemoDraft(prisma, { actor: applicant, procedure: "SWORN_TRANSLATION", formData });
      await uploadDemoFile(
        { db: prisma, storage },
        { applicantId: applicant.id, caseId: row.id, kind: "TRANSLATION", originalName: "traduccion-jurada.pdf", bytes: await demoTranslation(def, row.number) },
      );
    }
    if (row.state === "DRAFT") row = await send(def.applicant, row);
    if (row.state === "CENTRAL_REVIEW") row = await issue(row);
    return { row, created };
  }

  const summaries: TDemoCaseSummary[] = [];

  // 1. Revoked by the Encargado, with its public category and its internal note.
  const revokedDef = REVOKED_DEMO_CASE;
  const { row: issuedToRevoke, created: revokedCreated } = await issuedOriginal(revokedDef);
  let revoked = issuedToRevoke;
  if (revoked.state === "ISSUED") {
    revoked = await transition(
      revoked.id,
      "revoke",
      await actor(MANAGER),
      { category: revokedDef.category, note: revokedDef.note, confirmNumber: revoked.number },
      revoked.version,
      { db: prisma },
    );
  }
  summaries.push({ key: revokedDef.key, id: revoked.id, number: revoked.number, state: revoked.state, created: revokedCreated });

  // 2. Replaced by its corrected re-issue: started by the assistant, corrected and sent by the
  //    holder, issued by the assistant, which revokes the original (REPLACED) in the same commit.
  const replacedDef = REPLACED_DEMO_CASE;
  const { row: original, created: replacedCreated } = await issuedOriginal(replacedDef);
  let reissue = await prisma.case.findFirst({ where: { reissueOfId: original.id }, orderBy: { createdAt: "desc" } });
  if (!reissue && original.state === "ISSUED") {
    const started = await startReissue({ actor: await actor(ASSISTANT), caseId: original.id, note: replacedDef.reissueNote }, { db: prisma });
    reissue = await reload(started.caseId);
  }
  if (reissue?.state === "DRAFT") {
    const holder = await actor(replacedDef.applicant);
    const formData = { ...(reissue.formData as Record<string, unknown>), holderName: replacedDef.correctedHolderName };
    await saveCaseDraft({ actor: holder, caseId: reissue.id, procedure: "SWORN_TRANSLATION", formData, expectedVersion: reissue.version }, { db: prisma });
    reissue = await send(replacedDef.applicant, await reload(reissue.id));
  }
  if (reissue?.state === "CENTRAL_REVIEW") reissue = await issue(reissue);
  const replaced = await reload(original.id);
  summaries.push({ key: replacedDef.key, id: replaced.id, number: replaced.number, state: replaced.state, created: replacedCreated });
  if (reissue) summaries.push({ key: `${replacedDef.key}-reissue`, id: reissue.id, number: reissue.number, state: reissue.state, created: replacedCreated });

  for (const [s, target] of [
    [summaries[0], "REVOKED"],
    [summaries[1], "REVOKED"],
    [summaries[2], "ISSUED"],
  ] as const) {
    if (s && s.state !== target) log(`Aviso: la solicitud de demostración ${s.number} (${s.key}) está en ${s.state}, no en ${target}; se deja como está.`);
  }
  logDemoCases(log, "anulada y reposición", summaries);

  const result: TAfterIssuanceDemoResult = { cases: summaries, revoked: null, replaced: null };
  if (revoked.state === "REVOKED" && revoked.verificationCode) {
    result.revoked = { number: revoked.number, verificationCode: revoked.verificationCode };
    log(`Certificación anulada de demostración ${revoked.number}: código ${revoked.verificationCode}`);
  }
  if (replaced.state === "REVOKED" && replaced.verificationCode && reissue?.state === "ISSUED" && reissue.verificationCode) {
    result.replaced = { number: replaced.number, verificationCode: replaced.verificationCode, replacedBy: { number: reissue.number, verificationCode: reissue.verificationCode } };
    log(`Certificación reemplazada de demostración ${replaced.number} (código ${replaced.verificationCode}) por la reposición ${reissue.number} (código ${reissue.verificationCode})`);
  }
  return result;
}
