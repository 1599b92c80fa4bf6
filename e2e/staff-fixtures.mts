// Creates submitted cases for the staff browser tests directly through the domain, in the database
// and file store of the e2e server (scripts/e2e-server.mts: same names per port): D.1.1 requests of
// the demo citizen (createDraftCase, a stored scan, transition "submit"; optionally taken on to the
// director's signature by generateCertification, to the central office by signCertification, and
// issued by the central assistant's signAndIssue),
// a D.1.2 request of the demo citizen under central review whose "archive record" carries no archive
// signature (one the central office must reject definitively: issue #12; filed through createDraftCase
// and transition "submit", as a record whose fault the upload check did not catch),
// a D.3 request of the demo citizen for the registry's translator, and a D.4 registration of a new
// translator account (both sent with submitCase, as the citizen's "Enviar solicitud" does). Runs in
// its own process under tsx with "server-only" mapped to a stub (e2e/staff-fixtures.tsconfig.json);
// only possible on a PostgreSQL e2e database (PGlite allows one process). Prints the created cases
// as JSON.
//
//   tsx --tsconfig e2e/staff-fixtures.tsconfig.json e2e/staff-fixtures.mts '{"cases":[{"lastNames":"…","generate":true}]}'
//   … '{"cases":[{"lastNames":"…","sign":true},{"procedure":"SWORN_TRANSLATION","holderName":"…"},
//        {"procedure":"TRANSLATOR_REGISTRATION","name":"…","email":"…","password":"…","registrationNumber":"…"}]}'
import { hashPassword } from "../lib/auth/hash-password";
import { createDraftCase } from "../lib/cases/create-draft-case";
import { generateCertification } from "../lib/cases/generate-certification";
import { signAndIssue, signCertification } from "../lib/cases/signing/sign-case-with-signer";
import { submitCase } from "../lib/cases/submit-case";
import { transition } from "../lib/workflow/transition";
import type { FileKind } from "../lib/generated/prisma/enums";
import { DEMO_SWORN_TRANSLATOR } from "../prisma/seed/demo-accounts";
import { actor, certifyOptions, close, db, demoSigner, scan, storage, submitEducationalRecord } from "./helpers/fixture-db";

type TEducationalRecordSpec = { procedure?: "EDUCATIONAL_RECORD"; lastNames: string; generate?: boolean; sign?: boolean; issue?: boolean };
type TSwornTranslationSpec = { procedure: "SWORN_TRANSLATION"; holderName: string };
type TTranslatorRegistrationSpec = { procedure: "TRANSLATOR_REGISTRATION"; name: string; email: string; password: string; registrationNumber: string };
type TGraduationRecordSpec = { procedure: "GRADUATION_RECORD"; lastNames: string };
type TSpec = TEducationalRecordSpec | TSwornTranslationSpec | TTranslatorRegistrationSpec | TGraduationRecordSpec;
type TCreated = { id: string; number: string; state: string; lastNames?: string; verificationCode?: string | null };

const { cases } = JSON.parse(process.argv[2] ?? "{}") as { cases: TSpec[] };

type TActor = Awaited<ReturnType<typeof actor>>;

// A draft with its form data and one stored file, sent as the applicant's "Enviar solicitud" does.
async function fileAndSubmit(applicant: TActor, procedure: "SWORN_TRANSLATION" | "TRANSLATOR_REGISTRATION", formData: Record<string, unknown>, file: { kind: FileKind; name: string }) {
  const draft = await createDraftCase(applicant, { procedure, formData }, { db });
  const stored = await storage.put(await scan(`${file.name} ${draft.number}`));
  await db.uploadedFile.create({
    data: { caseId: draft.id, uploaderId: applicant.id, kind: file.kind, originalName: file.name, sha256: stored.sha256, size: stored.size, pages: 2, storageKey: stored.key },
  });
  await submitCase({ actor: applicant, caseId: draft.id, expectedVersion: draft.version, ip: null }, { db });
  return db.case.findUniqueOrThrow({ where: { id: draft.id } });
}

try {
  const citizen = await actor("ciudadana@demo.certifica.gt");
  const reviewer = await actor("revisora.guatemala-norte@demo.certifica.gt");
  const signer = await actor("firmante.guatemala-norte@demo.certifica.gt");
  const assistant = await actor("asistente.central@demo.certifica.gt");
  const gn = await db.dideduc.findUniqueOrThrow({ where: { code: "guatemala-norte" } });
  const out: TCreated[] = [];
  for (const spec of cases) {
    if (spec.procedure === "GRADUATION_RECORD") {
      const draft = await createDraftCase(
        citizen,
        {
          procedure: "GRADUATION_RECORD",
          formData: {
            student: { firstNames: "Juan Pablo", lastNames: spec.lastNames, cui: "9083016690101", birthDate: "1970-02-11" },
            record: { degree: "Bachiller en Ciencias y Letras", institution: "Instituto Nacional Central para Varones", graduationYear: 1988 },
            archiveOfficer: { name: "Marta Julia Estrada Castillo", post: "Encargada del Archivo Documental" },
            contactPhone: "4478-2106",
          },
        },
        { db },
      );
      const stored = await storage.put(await scan(`Expediente de graduación ${draft.number}`));
      await db.uploadedFile.create({
        data: { caseId: draft.id, uploaderId: citizen.id, kind: "ARCHIVE_RECORD", originalName: "expediente-graduacion.pdf", sha256: stored.sha256, size: stored.size, pages: 2, storageKey: stored.key },
      });
      const row = await transition(draft.id, "submit", citizen, {}, draft.version, { db });
      out.push({ id: row.id, number: row.number, lastNames: spec.lastNames, state: row.state });
    } else if (spec.procedure === "SWORN_TRANSLATION") {
      const row = await fileAndSubmit(
        citizen,
        "SWORN_TRANSLATION",
        {
          translator: {
            name: DEMO_SWORN_TRANSLATOR.name,
            agreementNumber: DEMO_SWORN_TRANSLATOR.appointmentResolution,
            registrationNumber: DEMO_SWORN_TRANSLATOR.dideducRegistrationNumber,
            language: DEMO_SWORN_TRANSLATOR.languages[0],
          },
          documentTitle: "Diploma de Bachelor of Arts",
          holderName: spec.holderName,
        },
        { kind: "TRANSLATION", name: "traduccion-jurada.pdf" },
      );
      out.push({ id: row.id, number: row.number, state: row.state });
    } else if (spec.procedure === "TRANSLATOR_REGISTRATION") {
      const user = await db.user.create({
        data: { email: spec.email, name: spec.name, passwordHash: await hashPassword(spec.password), roles: ["TRANSLATOR"] },
      });
      const xela = await db.dideduc.findUniqueOrThrow({ where: { code: "quetzaltenango" } });
      const row = await fileAndSubmit(
        { id: user.id, roles: user.roles, dideducId: null },
        "TRANSLATOR_REGISTRATION",
        {
          name: spec.name,
          gender: "MASCULINE",
          languages: ["inglés"],
          appointmentResolution: "Acuerdo Ministerial 2207-2023",
          dideducRegistrationNumber: spec.registrationNumber,
          dideducId: xela.id,
          resolutionStampConfirmed: true,
        },
        { kind: "APPOINTMENT_RESOLUTION", name: "resolucion-nombramiento.pdf" },
      );
      out.push({ id: row.id, number: row.number, state: row.state });
    } else {
      let row = await submitEducationalRecord(citizen, gn.id, { firstNames: "Ana Sofía", lastNames: spec.lastNames });
      if (spec.generate || spec.sign || spec.issue) {
        const checklist = { studies: true, authorities: true, signaturesAndSeals: true, studentName: true, gradeLevels: true };
        await generateCertification({ actor: reviewer, caseId: row.id, expectedVersion: row.version, checklist }, { db, storage });
        row = await db.case.findUniqueOrThrow({ where: { id: row.id } });
      }
      if (spec.sign || spec.issue) {
        await signCertification({ actor: signer, caseId: row.id, expectedVersion: row.version, signer: await demoSigner("signer-guatemala-norte") }, certifyOptions);
        row = await db.case.findUniqueOrThrow({ where: { id: row.id } });
      }
      if (spec.issue) {
        await signAndIssue({ actor: assistant, caseId: row.id, expectedVersion: row.version, signer: await demoSigner("central-assistant") }, certifyOptions);
        row = await db.case.findUniqueOrThrow({ where: { id: row.id } });
      }
      out.push({ id: row.id, number: row.number, lastNames: spec.lastNames, state: row.state, verificationCode: row.verificationCode });
    }
  }
  process.stdout.write(JSON.stringify(out));
} finally {
  await close();
}
