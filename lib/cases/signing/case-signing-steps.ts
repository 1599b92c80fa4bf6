import "server-only";
import { dideducOfficeName } from "@/lib/pdf/certifying-statement";
import { CENTRAL_OFFICE } from "@/lib/pdf/sheet-data";
import type { TSignCaseStep } from "./sign-case-document";

// The signatures of a case's document, each made by prepareCaseSigning / completeCaseSigning with
// the key wherever the signer holds it (decision 0017). D.1.1 and D.2.1: the DIDEDUC signs the
// UNSIGNED sheet, the central office countersigns and issues. D.1.2, D.2.2 and D.3: the central
// office renders the sheet naming its signer and signs it once, issuing it.
export const DIDEDUC_SIGN_STEP: TSignCaseStep = {
  action: "sign",
  fromStage: "UNSIGNED",
  toStage: "DIDEDUC_SIGNED",
  office: "DIDEDUC",
  requirePriorSignatures: 0,
  describe: ({ caseRow, dideducName, handle }) => ({
    reason: `Certificación electrónica ${caseRow.number}: firma de ${handle.authorizedSigner.post}, ${dideducName ? dideducOfficeName(dideducName) : "Dirección Departamental de Educación"}`,
    location: dideducName ? `${dideducName}, Guatemala` : "Guatemala",
  }),
};

// The applicant's mail when the case is issued; the code is the one the signed file prints.
const issuedMail: TSignCaseStep["notify"] = (caseRow, replaces, verificationCode) => {
  if (!verificationCode) throw new Error(`Solicitud ${caseRow.number}: emitida sin código de verificación`);
  return { type: "issued", verificationCode, replaces };
};

export const CENTRAL_COUNTERSIGN_STEP: TSignCaseStep = {
  action: "sign_and_issue",
  fromStage: "DIDEDUC_SIGNED",
  toStage: "ISSUED",
  office: "CENTRAL",
  requirePriorSignatures: 1,
  describe: ({ caseRow, handle }) => ({
    reason: `Certificación electrónica ${caseRow.number}: refrendo y emisión por ${handle.authorizedSigner.post}, ${CENTRAL_OFFICE}`,
    location: "Ciudad de Guatemala, Guatemala",
  }),
  notify: issuedMail,
};

// `issuedByCentralOnly` procedures: no document exists before this signature (fromStage null);
// the sheet is rendered at prepare with the signer's name and post.
export const CENTRAL_ISSUE_STEP: TSignCaseStep = {
  action: "sign_and_issue",
  fromStage: null,
  toStage: "ISSUED",
  office: "CENTRAL",
  requirePriorSignatures: 0,
  describe: ({ caseRow, handle }) => ({
    reason: `Certificación electrónica ${caseRow.number}: emisión por ${handle.authorizedSigner.post}, ${CENTRAL_OFFICE}`,
    location: "Ciudad de Guatemala, Guatemala",
  }),
  notify: issuedMail,
};

export function stepFor(action: "sign" | "sign_and_issue", { centralOnly }: { centralOnly: boolean }): TSignCaseStep {
  if (action === "sign") return DIDEDUC_SIGN_STEP;
  return centralOnly ? CENTRAL_ISSUE_STEP : CENTRAL_COUNTERSIGN_STEP;
}
