import { z } from "zod";
import { DIPLOMA_SIGNATORIES } from "@/lib/registry/diploma-signatory";
import type { DiplomaSignatory } from "@/lib/generated/prisma/enums";

// Client-safe. Who signed the documents of a D.1.1 or D.2.1 request (issue #12, point 5). The
// procedure, after D.2.2: "Para los casos en que los Títulos y/o Diplomas estén firmados por
// Directores Regionales y/o Ministros de educación, referirse al Instructivo ATE-INS-04 «SERVICIOS DE
// ATENCIÓN AL CIUDADANO PLANTA CENTRAL» numeral C.1.1 Auténtica de firma de documentos educativos."
// D.2.2 reads it from the registry (DiplomaRegistry.signedBy); D.1.1 and D.2.1 have no registry, so
// the citizen answers, with the same values. Anything but DIDEDUC stops the request.

export const TITLE_SIGNATORIES = DIPLOMA_SIGNATORIES;
export type TTitleSignatory = DiplomaSignatory;

// The Documental Archive's mailbox, as the procedure names it (D.1.2: "El expediente de graduación se
// puede solicitar al Archivo documental del Ministerio de Educación de manera electrónica al correo
// archivo@mineduc.gob.gt").
export const ARCHIVE_EMAIL = "archivo@mineduc.gob.gt";
export const OTHER_PROCEDURE_NAME = "Auténtica de firma de documentos educativos";

export const TITLE_SIGNATORY_LABELS: Record<TTitleSignatory, string> = {
  DIDEDUC: "La dirección del establecimiento o programa, o la Dirección Departamental de Educación (lo usual)",
  REGIONAL_DIRECTOR: "Un Director(a) Regional de Educación",
  MINISTER: "Un Ministro(a) de Educación",
};

// How staff and the citizen's sent request read the answer.
export const TITLE_SIGNATORY_SUMMARY: Record<TTitleSignatory, string> = {
  DIDEDUC: "La dirección del establecimiento o programa, o la Dirección Departamental",
  REGIONAL_DIRECTOR: "Un Director(a) Regional de Educación (ATE-INS-04)",
  MINISTER: "Un Ministro(a) de Educación (ATE-INS-04)",
};

export const TITLE_SIGNATORY_QUESTION = {
  EDUCATIONAL_RECORD: "¿Quién firmó los documentos (certificados, diploma o título)?",
  DIPLOMA_BEFORE_2005: "¿Quién firmó el título o diploma?",
} as const;

export const TITLE_SIGNATORY_MISSING = "Indique quién firmó los documentos: lo encuentra junto a la firma, al pie del documento.";

// The refusal next to the question (and on the server): short; the notice below says the rest.
export function titleSignatoryStop(signedBy: unknown): string | null {
  if (signedBy !== "REGIONAL_DIRECTOR" && signedBy !== "MINISTER") return null;
  const who = signedBy === "MINISTER" ? "un Ministro(a) de Educación" : "un Director(a) Regional de Educación";
  return `Los documentos firmados por ${who} no se certifican en este trámite: siguen el procedimiento «${OTHER_PROCEDURE_NAME}» (instructivo ATE-INS-04, numeral C.1.1) de Atención al Ciudadano, Planta Central. Esta solicitud no se puede enviar.`;
}

// Draft: any known value or nothing.
export const ZTitleSignatoryDraft = z.enum(TITLE_SIGNATORIES).optional().catch(undefined);

// Submission: required, and only the usual signer lets the request go on.
export const ZTitleSignatory = z
  .enum(TITLE_SIGNATORIES, { error: TITLE_SIGNATORY_MISSING })
  .superRefine((v, ctx) => {
    const stop = titleSignatoryStop(v);
    if (stop) ctx.addIssue({ code: "custom", message: stop });
  });
