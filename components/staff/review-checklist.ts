// The reviewer's checklist of D.1.1 (procedures.md): what the Departamento Técnico Pedagógico checks
// in the scans against its records before it generates the certification. Every item must be
// ticked; the server checks it again.
export const REVIEW_CHECKLIST = [
  { key: "studies", label: "Los grados o etapas y los años coinciden con los registros" },
  { key: "authorities", label: "Los nombres de las autoridades que firman los documentos son correctos" },
  { key: "signaturesAndSeals", label: "Los documentos tienen las firmas y los sellos correspondientes" },
  { key: "studentName", label: "El nombre del estudiante coincide con los documentos y los registros" },
  { key: "grades", label: "Las calificaciones coinciden con los registros" },
] as const;

export type TReviewChecklistKey = (typeof REVIEW_CHECKLIST)[number]["key"];
export const REVIEW_CHECKLIST_KEYS = REVIEW_CHECKLIST.map((i) => i.key) as TReviewChecklistKey[];
export const CHECKLIST_FIELD_PREFIX = "checklist.";
