// What every citizen notification needs to name the case.
export type TCaseMailData = {
  applicantName: string;
  caseNumber: string;
  // The procedure's Spanish name, e.g. "Certificación de expediente educativo".
  procedureLabel: string;
  // Absolute URL of the case page in Certifica.
  caseUrl: string;
};

// An office the citizen is sent to (name, phone, address).
// `isPlaceholder`: the phone or address is demonstration data (issue #12), said so in the mail.
export type TOfficeContact = { name: string; phone: string; address: string; isPlaceholder?: boolean };
