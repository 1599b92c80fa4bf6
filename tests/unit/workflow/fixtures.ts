import type { z } from "zod";
import type { CaseState, Role } from "@/lib/generated/prisma/enums";
import type { TDelegationLike, TWorkflowActor } from "@/lib/workflow/check-transition";
import { ZGuidanceInput, ZNoInput, ZReasonInput, ZReplaceInput, ZRequestDocumentsInput, ZRevokeInput } from "@/lib/workflow/inputs";
import type { TCaseLike, TProcedureDefinition, TTransitionDefinition } from "@/lib/workflow/types";

export const ALL_STATES: CaseState[] = [
  "DRAFT",
  "DIDEDUC_REVIEW",
  "NEEDS_CORRECTION",
  "DIDEDUC_SIGNATURE",
  "CENTRAL_REVIEW",
  "MANAGER_REVIEW",
  "REJECTED",
  "ISSUED",
  "REGISTERED",
  "REVOKED",
  "WITHDRAWN",
  "DISCARDED",
];

// The number caseFor() gives every case (a revocation is confirmed by typing it).
export const CASE_NUMBER = "EE-2026-000123";

export const DIDEDUC_A = "dideduc-a";
export const DIDEDUC_B = "dideduc-b";
export const APPLICANT_ID = "citizen-1";

export const CONTACT = {
  name: "Supervisión Educativa 16-01-03",
  phone: "7952 1234",
  address: "3a. calle 4-12 zona 1, Cobán, Alta Verapaz",
};

// One valid example per input schema. A transition whose schema is missing here fails the
// generated tests until someone adds its example (and thinks about its refusals).
const VALID_INPUTS = new Map<z.ZodObject, Record<string, unknown>>([
  [ZNoInput, {}],
  [ZReasonInput, { reason: "  El certificado de sexto grado no muestra el sello del establecimiento.  " }],
  [ZGuidanceInput, { reason: "No se encontró el registro del establecimiento en nuestros archivos.", supervision: CONTACT }],
  [
    ZRequestDocumentsInput,
    {
      reason: "Para verificar el título necesitamos el cierre de pensum.",
      documents: ["CIERRE_DE_PENSUM", "CERTIFICACION_GENERAL_DE_CURSOS"],
      obtainAt: CONTACT,
    },
  ],
  [ZRevokeInput, { category: "DATA_ERROR", note: "El nombre del titular está mal escrito en la hoja.", confirmNumber: ` ${CASE_NUMBER.toLowerCase()} ` }],
  [ZReplaceInput, { replacementCaseId: "case-2" }],
]);

// `forCase`: a real case whose number the input must repeat (a revocation's confirmNumber);
// caseFor()'s cases all carry CASE_NUMBER.
export function validInputFor(t: TTransitionDefinition, forCase?: { number?: string }): Record<string, unknown> {
  const example = VALID_INPUTS.get(t.input);
  if (!example) throw new Error(`Falta un ejemplo de entrada para "${t.action}" en tests/unit/workflow/fixtures.ts`);
  const input = structuredClone(example);
  if (forCase?.number && "confirmNumber" in input) input.confirmNumber = forCase.number;
  return input;
}

export function caseFor(def: TProcedureDefinition, state: CaseState, overrides: Partial<TCaseLike> = {}): TCaseLike {
  return {
    id: "case-1",
    procedure: def.procedure,
    state,
    version: 3,
    applicantId: APPLICANT_ID,
    dideducId: def.requiresDideduc ? DIDEDUC_A : null,
    number: CASE_NUMBER,
    // Nobody but the applicant has acted yet (the withdrawal's guard); tests of the refusal set it.
    staffActed: false,
    ...overrides,
  };
}

// An actor who differs from the rightful one only in what the test changes.
export function actorFor(t: TTransitionDefinition, c: TCaseLike, role: Role = t.roles[0], overrides: Partial<TWorkflowActor> = {}): TWorkflowActor {
  const base: TWorkflowActor =
    t.scope === "APPLICANT"
      ? { id: c.applicantId, roles: [role], dideducId: null }
      : t.scope === "DIDEDUC"
        ? { id: "staff-1", roles: [role], dideducId: c.dideducId }
        : { id: "central-1", roles: [role], dideducId: null };
  return { ...base, ...overrides };
}

export function delegation(overrides: Partial<TDelegationLike> = {}): TDelegationLike {
  return {
    id: "delegation-1",
    dideducId: DIDEDUC_A,
    grantorId: "signer-1",
    delegateId: "delegate-1",
    role: "DIDEDUC_REVIEWER",
    validFrom: new Date("2026-03-01T00:00:00Z"),
    validTo: new Date("2026-03-15T23:59:59Z"),
    revokedAt: null,
    ...overrides,
  };
}

export const NOW = new Date("2026-03-10T15:00:00Z");

export function describeTransition(t: TTransitionDefinition): string {
  return `${t.action} ${t.from.join("|")} → ${t.to}`;
}
