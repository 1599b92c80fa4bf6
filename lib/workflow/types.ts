import type { z } from "zod";
import type { CaseState, Procedure, RevocationCategory, Role } from "@/lib/generated/prisma/enums";
import type { TGuidance } from "./inputs";

// Who may take a transition, beyond holding the role:
// - APPLICANT: only the case's own applicant;
// - DIDEDUC: staff of the DIDEDUC the case belongs to (or someone it delegated to);
// - CENTRAL: the central office, for every DIDEDUC.
export type TScope = "APPLICANT" | "DIDEDUC" | "CENTRAL";

export type TCaseLike = {
  id?: string;
  procedure: Procedure;
  state: CaseState;
  version: number;
  applicantId: string;
  dideducId: string | null;
  // The case number, for transitions confirmed by typing it (revocation).
  number?: string;
  // Whether anyone but the applicant has an audit event on the case (the withdrawal's guard).
  // transition() reads it inside its transaction; a screen passes it to offer the button.
  staffActed?: boolean;
};

// Case columns a transition itself records (not the state machine's own), e.g. a revocation's.
export type TTransitionRecord = {
  revokedAt?: Date;
  revocationCategory?: RevocationCategory;
  revokedReason?: string | null;
};

export type TFieldErrors = Record<string, string[]>;

export type TTransitionDefinition<TSchema extends z.ZodObject = z.ZodObject> = {
  action: string;
  from: readonly CaseState[];
  to: CaseState;
  roles: readonly Role[];
  scope: TScope;
  input: TSchema;
  // Button text for whoever takes the transition.
  label: string;
  // One or two sentences for staff, shown with the form: what the transition does, when two ways
  // back or out from the same state must be told apart (the central office's two returns).
  help?: string;
  // What the applicant reads once the case lands in `to`: the next step in plain Spanish.
  citizenMessage: string;
  // Facts about the case (not the input) that must hold first, e.g. a DIDEDUC chosen before submitting.
  guard?: (c: TCaseLike) => TFieldErrors | null;
  // What the citizen is told to do elsewhere; stored in Case.guidance.
  guidance?: (input: z.output<TSchema>) => TGuidance;
  // A check of the parsed input against the case (e.g. the case number typed to confirm), run last.
  checkInput?: (c: TCaseLike, input: z.output<TSchema>) => TFieldErrors | null;
  // Columns written with the state change, from the input (e.g. revokedAt and the category).
  record?: (input: z.output<TSchema>, now: Date) => TTransitionRecord;
  // The button is offered only while the guard passes (a guard about the case's history, not
  // about data the person can still complete, like the submission's DIDEDUC).
  hideWhenGuarded?: boolean;
  // Taken only by the system inside another operation (a corrected re-issue replacing the case it
  // corrects): never offered as a button, refused by performCaseAction.
  internal?: boolean;
};

export type TProcedureDefinition = {
  procedure: Procedure;
  // Section of the Ministry's procedure, e.g. "D.1.1".
  code: string;
  label: string;
  // Case-number prefix, e.g. EE → EE-2026-000123.
  prefix: string;
  // Who files it: citizens, or translators (D.4).
  applicantRoles: readonly Role[];
  // Cases reviewed by a DIDEDUC must name it before they are submitted.
  requiresDideduc: boolean;
  transitions: readonly TTransitionDefinition[];
};

// Keeps the input type of each transition while the definition stores them side by side.
export function defineTransition<TSchema extends z.ZodObject>(t: TTransitionDefinition<TSchema>): TTransitionDefinition {
  return t as unknown as TTransitionDefinition;
}
