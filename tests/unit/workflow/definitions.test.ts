import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/auth/roles";
import type { CaseState, Procedure } from "@/lib/generated/prisma/enums";
import { CASE_NUMBER_PREFIXES, PROCEDURE_DEFINITIONS, PROCEDURES, getDefinition } from "@/lib/workflow/definitions";
import { signingOffices } from "@/lib/workflow/signing-offices";
import { STATE_DESCRIPTIONS, STATE_LABELS, TERMINAL_STATES } from "@/lib/workflow/state-labels";
import { ALL_STATES, describeTransition } from "./fixtures";

// The drawings of procedures.md, edge by edge: "action FROM → TO by ROLES (SCOPE)".
// Issue #14: the applicant deletes a draft, or withdraws the request before anyone acted on it.
const applicantExits = (submitted: CaseState, roles: string) => [
  `discard_draft DRAFT → DISCARDED by ${roles} (APPLICANT)`,
  `withdraw ${submitted} → WITHDRAWN by ${roles} (APPLICANT)`,
];
const DIDEDUC_PATH = [
  "submit DRAFT → DIDEDUC_REVIEW by CITIZEN (APPLICANT)",
  ...applicantExits("DIDEDUC_REVIEW", "CITIZEN"),
  "reject_for_correction DIDEDUC_REVIEW → NEEDS_CORRECTION by DIDEDUC_REVIEWER (DIDEDUC)",
  "resubmit NEEDS_CORRECTION → DIDEDUC_REVIEW by CITIZEN (APPLICANT)",
  "reject_with_guidance DIDEDUC_REVIEW → REJECTED by DIDEDUC_REVIEWER (DIDEDUC)",
  "generate_certification DIDEDUC_REVIEW → DIDEDUC_SIGNATURE by DIDEDUC_REVIEWER (DIDEDUC)",
  "sign DIDEDUC_SIGNATURE → CENTRAL_REVIEW by DIDEDUC_SIGNER (DIDEDUC)",
  "return DIDEDUC_SIGNATURE → DIDEDUC_REVIEW by DIDEDUC_SIGNER (DIDEDUC)",
  "reject_definitively DIDEDUC_SIGNATURE → REJECTED by DIDEDUC_SIGNER (DIDEDUC)",
  "return_to_signer CENTRAL_REVIEW → DIDEDUC_SIGNATURE by CENTRAL_ASSISTANT (CENTRAL)",
  "return CENTRAL_REVIEW → DIDEDUC_REVIEW by CENTRAL_ASSISTANT (CENTRAL)",
  "sign_and_issue CENTRAL_REVIEW → ISSUED by CENTRAL_ASSISTANT (CENTRAL)",
];
const CENTRAL_CORRECTION_PATH = [
  "submit DRAFT → CENTRAL_REVIEW by CITIZEN (APPLICANT)",
  ...applicantExits("CENTRAL_REVIEW", "CITIZEN"),
  "reject_for_correction CENTRAL_REVIEW → NEEDS_CORRECTION by CENTRAL_ASSISTANT (CENTRAL)",
  "resubmit NEEDS_CORRECTION → CENTRAL_REVIEW by CITIZEN (APPLICANT)",
  "reject_definitively CENTRAL_REVIEW → REJECTED by CENTRAL_ASSISTANT (CENTRAL)",
  "sign_and_issue CENTRAL_REVIEW → ISSUED by CENTRAL_ASSISTANT (CENTRAL)",
];
// Issue #11: after issuance, every certification can be revoked (anulación, by the manager or the
// coordinator) or replaced by its corrected re-issue (internal: taken by the re-issue's issuance).
const AFTER_ISSUANCE = [
  "revoke ISSUED → REVOKED by CENTRAL_MANAGER|CENTRAL_COORDINATOR (CENTRAL)",
  "replace ISSUED → REVOKED by CENTRAL_ASSISTANT|CENTRAL_MANAGER (CENTRAL)",
];
const EXPECTED: Record<Procedure, string[]> = {
  EDUCATIONAL_RECORD: [...DIDEDUC_PATH, ...AFTER_ISSUANCE],
  GRADUATION_RECORD: [...CENTRAL_CORRECTION_PATH, ...AFTER_ISSUANCE],
  DIPLOMA_BEFORE_2005: [...DIDEDUC_PATH, "reject_requesting_documents DIDEDUC_REVIEW → REJECTED by DIDEDUC_REVIEWER (DIDEDUC)", ...AFTER_ISSUANCE],
  DIPLOMA_FROM_2005: [...CENTRAL_CORRECTION_PATH, ...AFTER_ISSUANCE],
  SWORN_TRANSLATION: [
    "submit DRAFT → CENTRAL_REVIEW by CITIZEN|TRANSLATOR (APPLICANT)",
    ...applicantExits("CENTRAL_REVIEW", "CITIZEN|TRANSLATOR"),
    "reject CENTRAL_REVIEW → REJECTED by CENTRAL_ASSISTANT (CENTRAL)",
    "sign_and_issue CENTRAL_REVIEW → ISSUED by CENTRAL_ASSISTANT (CENTRAL)",
    ...AFTER_ISSUANCE,
  ],
  TRANSLATOR_REGISTRATION: [
    "submit DRAFT → MANAGER_REVIEW by CITIZEN|TRANSLATOR (APPLICANT)",
    ...applicantExits("MANAGER_REVIEW", "CITIZEN|TRANSLATOR"),
    "reject MANAGER_REVIEW → REJECTED by CENTRAL_MANAGER (CENTRAL)",
    "accept MANAGER_REVIEW → REGISTERED by CENTRAL_MANAGER (CENTRAL)",
  ],
};

function reachableFrom(procedure: Procedure, start: CaseState): Set<CaseState> {
  const def = getDefinition(procedure);
  const seen = new Set<CaseState>([start]);
  const queue = [start];
  while (queue.length) {
    const s = queue.shift()!;
    for (const t of def.transitions) {
      if (t.from.includes(s) && !seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
  }
  return seen;
}

describe("procedure definitions", () => {
  it("define all six procedures, each under its own key", () => {
    expect(PROCEDURES.sort()).toEqual(
      ["DIPLOMA_BEFORE_2005", "DIPLOMA_FROM_2005", "EDUCATIONAL_RECORD", "GRADUATION_RECORD", "SWORN_TRANSLATION", "TRANSLATOR_REGISTRATION"].sort(),
    );
    for (const p of PROCEDURES) expect(PROCEDURE_DEFINITIONS[p].procedure).toBe(p);
    expect(Object.fromEntries(PROCEDURES.map((p) => [p, PROCEDURE_DEFINITIONS[p].code]))).toEqual({
      EDUCATIONAL_RECORD: "D.1.1",
      GRADUATION_RECORD: "D.1.2",
      DIPLOMA_BEFORE_2005: "D.2.1",
      DIPLOMA_FROM_2005: "D.2.2",
      SWORN_TRANSLATION: "D.3",
      TRANSLATOR_REGISTRATION: "D.4",
    });
  });

  it("use distinct two-letter case-number prefixes", () => {
    expect(CASE_NUMBER_PREFIXES).toEqual({
      EDUCATIONAL_RECORD: "EE",
      GRADUATION_RECORD: "EG",
      DIPLOMA_BEFORE_2005: "TA",
      DIPLOMA_FROM_2005: "TB",
      SWORN_TRANSLATION: "CT",
      TRANSLATOR_REGISTRATION: "RT",
    });
    expect(new Set(Object.values(CASE_NUMBER_PREFIXES)).size).toBe(PROCEDURES.length);
  });

  it("have a Spanish label and description for every state", () => {
    for (const s of ALL_STATES) {
      expect(STATE_LABELS[s]).toMatch(/^[A-ZÁÉÍÓÚ]/);
      expect(STATE_DESCRIPTIONS[s]).toMatch(/\.$/);
    }
  });

  describe.each(PROCEDURES)("%s", (procedure) => {
    const def = getDefinition(procedure);

    it("draws exactly the transitions of procedures.md", () => {
      const drawn = def.transitions.map((t) => `${describeTransition(t)} by ${t.roles.join("|")} (${t.scope})`);
      expect([...drawn].sort()).toEqual([...EXPECTED[procedure]].sort());
    });

    it("never has two transitions with the same action leaving the same state", () => {
      const keys = def.transitions.flatMap((t) => t.from.map((f) => `${t.action}@${f}`));
      expect(new Set(keys).size).toBe(keys.length);
    });

    it("lets only its applicant roles submit and resubmit", () => {
      for (const t of def.transitions.filter((x) => x.scope === "APPLICANT")) {
        expect([...t.roles].sort()).toEqual([...def.applicantRoles].sort());
      }
      expect(def.transitions.some((t) => t.action === "submit" && t.from.includes("DRAFT"))).toBe(true);
    });

    it("gives every transition a Spanish button label and a next step for the citizen", () => {
      for (const t of def.transitions) {
        expect(t.label, describeTransition(t)).toMatch(/^[A-ZÁÉÍÓÚ][^_]+$/);
        expect(t.citizenMessage.length, describeTransition(t)).toBeGreaterThan(30);
        expect(t.citizenMessage, describeTransition(t)).toMatch(/\.$/);
        expect(t.citizenMessage, describeTransition(t)).not.toMatch(/_/);
      }
    });

    it("asks a reason for every rejection, return and correction request", () => {
      for (const t of def.transitions) {
        const needsReason = t.to === "REJECTED" || t.to === "NEEDS_CORRECTION" || t.action === "return" || t.action === "return_to_signer";
        expect("reason" in t.input.shape, describeTransition(t)).toBe(needsReason);
      }
    });

    it("asks the supervision contact when rejecting with guidance", () => {
      for (const t of def.transitions.filter((x) => x.action === "reject_with_guidance")) {
        expect("supervision" in t.input.shape).toBe(true);
        expect(t.guidance).toBeTypeOf("function");
      }
    });

    it("reaches every state it uses from DRAFT, and ends in its success state", () => {
      const used = new Set<CaseState>(def.transitions.flatMap((t) => [...t.from, t.to]));
      const reachable = reachableFrom(procedure, "DRAFT");
      for (const s of used) expect(reachable.has(s), s).toBe(true);
      const success = procedure === "TRANSLATOR_REGISTRATION" ? "REGISTERED" : "ISSUED";
      expect(reachable.has(success)).toBe(true);
    });

    it("has no way out of terminal states but the revocation of an issued one, and a way out of every other state", () => {
      const used = new Set<CaseState>(def.transitions.flatMap((t) => [...t.from, t.to]));
      for (const s of used) {
        const leaving = def.transitions.filter((t) => t.from.includes(s));
        if (s === "ISSUED") {
          // An issued certification is closed: it only ever leaves to REVOKED (anulación or replacement).
          expect(leaving.map((t) => `${t.action} → ${t.to}`).sort(), s).toEqual(["replace → REVOKED", "revoke → REVOKED"]);
        } else if (TERMINAL_STATES.includes(s)) expect(leaving, s).toEqual([]);
        else expect(leaving.length, s).toBeGreaterThan(0);
      }
    });

    it("offers as a button every transition except the internal replacement", () => {
      expect(def.transitions.filter((t) => t.internal).map((t) => t.action)).toEqual(def.procedure === "TRANSLATOR_REGISTRATION" ? [] : ["replace"]);
    });

    it("names only real roles", () => {
      for (const t of def.transitions) for (const r of t.roles) expect(ROLES).toContain(r);
      for (const t of def.transitions) expect(t.roles).not.toContain("ADMIN");
    });
  });

  it("D.2.1 adds reject_requesting_documents with the documents and where to get them", () => {
    const t = getDefinition("DIPLOMA_BEFORE_2005").transitions.find((x) => x.action === "reject_requesting_documents")!;
    expect(Object.keys(t.input.shape).sort()).toEqual(["documents", "obtainAt", "reason"]);
    const guidance = t.guidance!(
      t.input.parse({ reason: "Falta el cierre", documents: ["CIERRE_DE_PENSUM"], obtainAt: { name: "INED", phone: "1", address: "Zona 1" } }),
    );
    expect(guidance).toEqual({ kind: "REQUEST_DOCUMENTS", documents: ["CIERRE_DE_PENSUM"], contact: { name: "INED", phone: "1", address: "Zona 1" } });
  });

  it("D.1.1 and D.2.1 need the DIDEDUC; the others are handled centrally", () => {
    expect(PROCEDURES.filter((p) => getDefinition(p).requiresDideduc).sort()).toEqual(["DIPLOMA_BEFORE_2005", "EDUCATIONAL_RECORD"]);
    for (const p of PROCEDURES) {
      if (!getDefinition(p).requiresDideduc) expect(getDefinition(p).transitions.every((t) => t.scope !== "DIDEDUC")).toBe(true);
    }
  });

  it("say who signs each certification, in order: the DIDEDUC first in D.1.1 and D.2.1, then the central office", () => {
    expect(Object.fromEntries(PROCEDURES.map((p) => [p, signingOffices(p)]))).toEqual({
      EDUCATIONAL_RECORD: ["DIDEDUC", "CENTRAL"],
      DIPLOMA_BEFORE_2005: ["DIDEDUC", "CENTRAL"],
      GRADUATION_RECORD: ["CENTRAL"],
      DIPLOMA_FROM_2005: ["CENTRAL"],
      SWORN_TRANSLATION: ["CENTRAL"],
      TRANSLATOR_REGISTRATION: [],
    });
  });

  it("D.4 is filed by the translator's own account, a translator's or a citizen's (issue #14, decision 0025), and decided by the manager only", () => {
    const def = getDefinition("TRANSLATOR_REGISTRATION");
    expect(def.applicantRoles).toEqual(["CITIZEN", "TRANSLATOR"]);
    for (const t of def.transitions.filter((x) => x.scope !== "APPLICANT")) expect(t.roles).toEqual(["CENTRAL_MANAGER"]);
  });
});
