import type { Procedure } from "@/lib/generated/prisma/enums";
import type { TProcedureDefinition, TTransitionDefinition } from "../types";
import { diplomaBefore2005 } from "./diploma-before-2005";
import { diplomaFrom2005 } from "./diploma-from-2005";
import { educationalRecord } from "./educational-record";
import { graduationRecord } from "./graduation-record";
import { swornTranslation } from "./sworn-translation";
import { translatorRegistration } from "./translator-registration";

export const PROCEDURE_DEFINITIONS: Record<Procedure, TProcedureDefinition> = {
  EDUCATIONAL_RECORD: educationalRecord,
  GRADUATION_RECORD: graduationRecord,
  DIPLOMA_BEFORE_2005: diplomaBefore2005,
  DIPLOMA_FROM_2005: diplomaFrom2005,
  SWORN_TRANSLATION: swornTranslation,
  TRANSLATOR_REGISTRATION: translatorRegistration,
};

export const PROCEDURES = Object.keys(PROCEDURE_DEFINITIONS) as Procedure[];

// Case-number prefixes (PREFIX-YYYY-NNNNNN), from the Spanish names citizens see:
//   EE  Expediente Educativo (D.1.1)          EG  Expediente de Graduación (D.1.2)
//   TA  Título, escolar Antes de 2005 y extraescolar (D.2.1)
//   TB  Título, escolar desde 2005 (D.2.2)    CT  Certificación de Traducción jurada (D.3)
//   RT  Registro de Traductor jurado (D.4)
export const CASE_NUMBER_PREFIXES: Record<Procedure, string> = Object.fromEntries(
  PROCEDURES.map((p) => [p, PROCEDURE_DEFINITIONS[p].prefix]),
) as Record<Procedure, string>;

export const PROCEDURE_LABELS: Record<Procedure, string> = Object.fromEntries(
  PROCEDURES.map((p) => [p, PROCEDURE_DEFINITIONS[p].label]),
) as Record<Procedure, string>;

export function getDefinition(procedure: Procedure): TProcedureDefinition {
  return PROCEDURE_DEFINITIONS[procedure];
}

// The transitions named `action`: usually one; "return" in D.1.1/D.2.1 leaves from two states.
export function transitionsNamed(definition: TProcedureDefinition, action: string): TTransitionDefinition[] {
  return definition.transitions.filter((t) => t.action === action);
}
