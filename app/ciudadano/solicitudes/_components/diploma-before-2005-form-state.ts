// The D.2.1 editor's own state: everything as typed (the year stays a string until saved), plus the
// DIDEDUC, which lives on the case. Pure functions, shared by the editor and its tests.

export type TDiplomaBefore2005Values = {
  modality: string;
  title: { degree: string; specialty: string; institution: string; graduationYear: string };
  cgcStamp: { registrationNumber: string; book: string; folio: string; date: string };
  cgcStampConfirmed: boolean;
  student: { firstNames: string; lastNames: string; cui: string; birthDate: string };
  contactPhone: string;
  dideducId: string;
  // The D.2.2 registration number that was not in the registry, when the request came from there.
  registryMissNumber: string;
};

// What saveCaseDraft stores: the lenient draft shape of lib/cases/forms/diploma-before-2005-form.
// `dideducId` rides along for the browser's copy; the draft schema drops it from formData.
export type TDiplomaBefore2005Payload = {
  modality?: string;
  title: { degree?: string; specialty?: string; institution?: string; graduationYear?: number };
  cgcStamp: { registrationNumber?: string; book?: string; folio?: string; date?: string };
  cgcStampConfirmed?: boolean;
  student: { firstNames?: string; lastNames?: string; cui?: string; birthDate?: string };
  contactPhone?: string;
  dideducId?: string;
  registryMiss?: { registrationNumber: string };
};

function str(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return "";
}

function obj(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

// Whatever formData holds (an older version, a copy from another case, a browser copy) becomes
// editor values without throwing. The DIDEDUC comes from the copy when it has one, else from the case.
export function diplomaValuesFromFormData(formData: unknown, dideducId: string | null | undefined): TDiplomaBefore2005Values {
  const data = obj(formData);
  const title = obj(data.title);
  const cgc = obj(data.cgcStamp);
  const student = obj(data.student);
  const miss = obj(data.registryMiss);
  return {
    modality: data.modality === "ESCOLAR" || data.modality === "EXTRAESCOLAR" ? data.modality : "",
    title: { degree: str(title.degree), specialty: str(title.specialty), institution: str(title.institution), graduationYear: str(title.graduationYear) },
    cgcStamp: { registrationNumber: str(cgc.registrationNumber), book: str(cgc.book), folio: str(cgc.folio), date: str(cgc.date) },
    cgcStampConfirmed: data.cgcStampConfirmed === true,
    student: {
      firstNames: str(student.firstNames),
      lastNames: str(student.lastNames),
      cui: str(student.cui),
      birthDate: str(student.birthDate).slice(0, 10),
    },
    contactPhone: str(data.contactPhone),
    dideducId: typeof data.dideducId === "string" ? data.dideducId : (dideducId ?? ""),
    registryMissNumber: str(miss.registrationNumber),
  };
}

function optional(s: string): string | undefined {
  return s.trim() === "" ? undefined : s;
}

// Editor values → the draft's formData. A year that is not (yet) a number is left out of the saved
// draft, but the editor keeps showing it: the strict check on submission names it.
export function diplomaPayloadOf(values: TDiplomaBefore2005Values): TDiplomaBefore2005Payload {
  const year = values.title.graduationYear.trim();
  return {
    modality: optional(values.modality),
    title: {
      degree: optional(values.title.degree),
      specialty: optional(values.title.specialty),
      institution: optional(values.title.institution),
      graduationYear: /^\d{1,4}$/.test(year) ? Number(year) : undefined,
    },
    cgcStamp: {
      registrationNumber: optional(values.cgcStamp.registrationNumber),
      book: optional(values.cgcStamp.book),
      folio: optional(values.cgcStamp.folio),
      date: optional(values.cgcStamp.date),
    },
    cgcStampConfirmed: values.cgcStampConfirmed || undefined,
    student: {
      firstNames: optional(values.student.firstNames),
      lastNames: optional(values.student.lastNames),
      cui: optional(values.student.cui),
      birthDate: optional(values.student.birthDate),
    },
    contactPhone: optional(values.contactPhone),
    dideducId: optional(values.dideducId),
    // Not editable here: kept so autosave never drops where the request came from.
    registryMiss: values.registryMissNumber ? { registrationNumber: values.registryMissNumber } : undefined,
  };
}

// The year as the editor has it, for the "this title goes through D.2.2" notice while typing.
export function typedGraduationYear(values: TDiplomaBefore2005Values): number | null {
  const year = values.title.graduationYear.trim();
  return /^\d{4}$/.test(year) ? Number(year) : null;
}
