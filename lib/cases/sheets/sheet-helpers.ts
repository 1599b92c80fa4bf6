import { DomainError } from "@/lib/errors";
import { formatCui } from "@/lib/identity/format-cui";
import type { TSheetField } from "@/lib/pdf/sheet-data";

// Shared by the per-procedure sheet entries.

export function incompleteForm(): DomainError {
  return new DomainError(
    "INCOMPLETE_FORM",
    "Los datos de la solicitud están incompletos para generar la certificación. Solicite la corrección al usuario.",
  );
}

const MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

// "2001-04-17" → "17 de abril de 2001"; anything else as typed.
export function formatLongDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return value;
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} de ${month} de ${m[1]}` : value;
}

export function joinName(...parts: Array<string | null | undefined>): string {
  return parts
    .filter((p): p is string => typeof p === "string")
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

type TRecord = Record<string, unknown>;

export function asRecord(value: unknown): TRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as TRecord) : {};
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

// The first non-empty text under any of `keys`, searched breadth-first through nested objects
// (a default entry does not know its form's exact shape yet).
export function findText(formData: unknown, ...keys: string[]): string | undefined {
  const queue: TRecord[] = [asRecord(formData)];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const key of keys) {
      const found = text(node[key]);
      if (found) return found;
    }
    for (const value of Object.values(node)) if (typeof value === "object" && value !== null && !Array.isArray(value)) queue.push(value as TRecord);
  }
  return undefined;
}

// The holder printed on the sheet: the student's names when the form has them, else a typed
// holder name, else the applicant's account name.
export function holderFromForm(formData: unknown, applicantName: string | null): { fullName: string; cui?: string } | null {
  const student = asRecord(asRecord(formData).student);
  const fromStudent = joinName(text(student.firstNames), text(student.lastNames));
  const fullName = fromStudent || findText(formData, "holderName", "fullName") || applicantName?.trim() || "";
  if (!fullName) return null;
  const cui = fromStudent ? text(student.cui) : undefined;
  return cui ? { fullName, cui: formatCui(cui) } : { fullName };
}

// Spanish labels of the keys the forms use; a key not listed prints as its words.
const LABELS: Record<string, string> = {
  firstNames: "Nombres",
  lastNames: "Apellidos",
  cui: "CUI",
  birthDate: "Fecha de nacimiento",
  degree: "Título",
  specialty: "Especialidad",
  institution: "Establecimiento educativo",
  school: "Establecimiento educativo",
  graduationYear: "Año de graduación",
  year: "Año",
  registrationNumber: "Número de registro",
  language: "Idioma",
  languages: "Idiomas",
  sourceLanguage: "Idioma de origen",
  targetLanguage: "Idioma de destino",
  name: "Nombre",
  post: "Puesto",
  appointmentResolution: "Acuerdo o resolución de nombramiento",
  resolutionNumber: "Acuerdo o resolución",
  agreementNumber: "Acuerdo o resolución",
  dideducRegistrationNumber: "Número de registro en la DIDEDUC",
  documentTitle: "Documento traducido",
  documentDescription: "Documento",
  book: "Libro",
  folio: "Folio",
  date: "Fecha",
};

// Groups whose fields need saying whose they are ("Nombre" of whom).
const GROUP_SUFFIX: Record<string, string> = {
  archiveOfficer: "de quien firmó en el Archivo",
  // Neutral: the form data does not say how the translator is named (the registry does).
  translator: "de quien hizo la traducción jurada",
  cgcStamp: "del sello de la Contraloría General de Cuentas",
  registry: "en el registro de títulos",
};

// Never printed on a certificate: contact data, internal ids, confirmations.
const SKIPPED = /phone|email|telefono|correo|confirmed|^id$|Id$|^_/i;

function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// The form's data as label/value rows, for the default sheets of procedures whose owners have not
// chosen their rows yet. `exclude`: dotted paths already printed elsewhere (the holder's name).
export function formFields(formData: unknown, exclude: readonly string[] = []): TSheetField[] {
  const rows: TSheetField[] = [];
  const visit = (value: unknown, path: string[], group: string | null) => {
    const key = path[path.length - 1] ?? "";
    if (path.length > 0 && (SKIPPED.test(key) || exclude.includes(path.join(".")))) return;
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k], GROUP_SUFFIX[key] ?? group);
      return;
    }
    let printed: string | undefined;
    if (Array.isArray(value)) {
      const items = value.map(text).filter((v): v is string => Boolean(v));
      printed = items.length > 0 && items.length === value.length ? items.join(", ") : undefined;
    } else {
      printed = text(value);
    }
    if (!printed) return;
    if (key === "birthDate" || key === "date") printed = formatLongDate(printed);
    if (key === "cui") printed = formatCui(printed);
    const label = LABELS[key] ?? humanize(key);
    rows.push({ label: group ? `${label} ${group}` : label, value: printed });
  };
  visit(asRecord(formData), [], null);
  return rows;
}
