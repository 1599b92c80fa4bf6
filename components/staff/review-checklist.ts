// The reviewer's checklist of D.1.1, activity 3 of the procedure: what the Departamento Técnico
// Pedagógico checks in the scans against its records before it generates the certification ("Que los
// años y estudios correspondan, así como los nombres, firmas y sellos de las autoridades. Que el nombre
// del estudiante corresponda. Que los grados correspondan."). Every item must be ticked; the server
// checks it again.
export const REVIEW_CHECKLIST = [
  { key: "studies", label: "Los años y los estudios (establecimientos o programas) coinciden con los registros" },
  { key: "authorities", label: "Los nombres de las autoridades que firman los documentos son correctos" },
  { key: "signaturesAndSeals", label: "Los documentos tienen las firmas y los sellos correspondientes" },
  { key: "studentName", label: "El nombre del estudiante coincide con los documentos y los registros" },
  // "Que los grados correspondan": the grade levels studied (grados o etapas), not the marks.
  { key: "gradeLevels", label: "Los grados cursados corresponden a los registros" },
] as const;

export type TReviewChecklistKey = (typeof REVIEW_CHECKLIST)[number]["key"];
export const REVIEW_CHECKLIST_KEYS = REVIEW_CHECKLIST.map((i) => i.key) as TReviewChecklistKey[];
export const CHECKLIST_FIELD_PREFIX = "checklist.";

// D.2.1 (título de diversificado before 2005, extraescolar): the same review of activity 3, on one
// title, plus the Contraloría's registration stamp the title must bear (activity 2, Nota).
export const DIPLOMA_BEFORE_2005_REVIEW_CHECKLIST = [
  { key: "studies", label: "La carrera, el establecimiento o programa y el año de graduación coinciden con los registros" },
  { key: "authorities", label: "Los nombres de las autoridades que firman el título son correctos" },
  { key: "signaturesAndSeals", label: "El título tiene las firmas y los sellos de las autoridades" },
  { key: "cgcStamp", label: "El título lleva el sello de registro de la Contraloría General de Cuentas" },
  { key: "studentName", label: "El nombre del estudiante coincide con el título y los registros" },
  { key: "grades", label: "Los grados cursados corresponden a la carrera del título según los registros" },
] as const;

export type TReviewChecklistItem = { readonly key: string; readonly label: string };

// The checklist shown before "Generar certificación", by procedure (only D.1.1 and D.2.1 generate
// a certification at a DIDEDUC). lib/cases/generate-certification.ts checks the same keys.
export function reviewChecklistFor(procedure: string): readonly TReviewChecklistItem[] {
  return procedure === "DIPLOMA_BEFORE_2005" ? DIPLOMA_BEFORE_2005_REVIEW_CHECKLIST : REVIEW_CHECKLIST;
}

// Every key any procedure's checklist has: the server action accepts these, the domain decides
// which ones the case's procedure requires.
export const ALL_REVIEW_CHECKLIST_KEYS = [...new Set([...REVIEW_CHECKLIST, ...DIPLOMA_BEFORE_2005_REVIEW_CHECKLIST].map((i) => i.key))];
