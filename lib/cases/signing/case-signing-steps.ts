import "server-only";
import { dideducOfficeName } from "@/lib/pdf/certifying-statement";
import { CENTRAL_OFFICE } from "@/lib/pdf/sheet-data";
import type { TSignCaseStep } from "./sign-case-document";

// The two signatures of a case's document (D.1.1, D.2.1), as both signing paths make them: with a
// PKCS#12 opened on the server (signCertification, signAndIssue) and with the key in the browser
// (prepareCaseSigning / completeCaseSigning).
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
  notify: (caseRow, replaces) => {
    // Assigned when the DIDEDUC generated the sheet; the signed file prints it.
    if (!caseRow.verificationCode) throw new Error(`Solicitud ${caseRow.number}: emitida sin código de verificación`);
    return { type: "issued", verificationCode: caseRow.verificationCode, replaces };
  },
};
