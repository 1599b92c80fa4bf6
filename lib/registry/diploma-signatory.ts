import type { DiplomaSignatory } from "@/lib/generated/prisma/enums";
import { foldText } from "./fold-text";

// Client-safe. Who signed a title of the registry. Titles signed by a regional director or a
// minister are authenticated through another procedure of the central office (instructivo
// ATE-INS-04, numeral C.1.1 «Auténtica de firma de documentos educativos»), not certified by D.2.2.

export const DIPLOMA_SIGNATORIES = ["DIDEDUC", "REGIONAL_DIRECTOR", "MINISTER"] as const satisfies readonly DiplomaSignatory[];

export const DIPLOMA_SIGNATORY_LABELS: Record<DiplomaSignatory, string> = {
  DIDEDUC: "Dirección Departamental de Educación",
  REGIONAL_DIRECTOR: "Director Regional de Educación",
  MINISTER: "Ministro de Educación",
};

// The values of the CSV column `firmado_por`, as the import page documents them.
export const DIPLOMA_SIGNATORY_CSV_VALUES: Record<DiplomaSignatory, string> = {
  DIDEDUC: "dideduc",
  REGIONAL_DIRECTOR: "director_regional",
  MINISTER: "ministro",
};

// Folded spellings (see foldText) an export may carry for each value.
const SPELLINGS: Record<string, DiplomaSignatory> = {
  dideduc: "DIDEDUC",
  "direccion departamental": "DIDEDUC",
  "director departamental": "DIDEDUC",
  "directora departamental": "DIDEDUC",
  "director regional": "REGIONAL_DIRECTOR",
  "directora regional": "REGIONAL_DIRECTOR",
  "direccion regional": "REGIONAL_DIRECTOR",
  ministro: "MINISTER",
  ministra: "MINISTER",
  "ministro de educacion": "MINISTER",
  "ministra de educacion": "MINISTER",
};

// "" (the column left empty or absent) → DIDEDUC, the usual signer; an unknown value → null.
export function parseDiplomaSignatory(text: string): DiplomaSignatory | null {
  const folded = foldText(text);
  if (folded === "") return "DIDEDUC";
  return SPELLINGS[folded] ?? null;
}

export const OTHER_PROCEDURE_CODE = "ATE-INS-04";

export const OTHER_PROCEDURE_MESSAGE =
  "Este título fue firmado por un Director Regional o por el Ministro de Educación: su certificación sigue otro procedimiento (ATE-INS-04) y no puede solicitarse aquí.";

// What the citizen is told instead of the upload area (form) and when a submission is refused.
export function otherProcedureMessage(signedBy: DiplomaSignatory): string | null {
  if (signedBy === "DIDEDUC") return null;
  const who = signedBy === "MINISTER" ? "el Ministro de Educación" : "un Director Regional de Educación";
  return `Este título fue firmado por ${who}. Los títulos firmados por Directores Regionales o por Ministros de Educación no se certifican con este trámite: siguen el procedimiento de auténtica de firma de documentos educativos (instructivo ATE-INS-04) de Atención al Ciudadano de Planta Central. No puede enviar esta solicitud.`;
}
