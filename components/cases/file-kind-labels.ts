// What each kind of uploaded file is, in the words the citizen and the staff read. SCAN (the
// documents to certify) goes unnamed in lists: it is what every request has.
export const FILE_KIND_LABELS: Record<string, string> = {
  SCAN: "Documento escaneado",
  ARCHIVE_RECORD: "Expediente firmado por el Archivo",
  TRANSLATION: "Traducción",
  APPOINTMENT_RESOLUTION: "Resolución o acuerdo",
  PENSUM_CLOSURE: "Cierre de pensum",
  GENERAL_COURSE_CERTIFICATION: "Certificación general de cursos",
};

// "Cierre de pensum: archivo.pdf" for a file of a named kind, the bare name otherwise.
export function fileTitle(kind: string | null | undefined, name: string): string {
  return kind && kind !== "SCAN" && FILE_KIND_LABELS[kind] ? `${FILE_KIND_LABELS[kind]}: ${name}` : name;
}
