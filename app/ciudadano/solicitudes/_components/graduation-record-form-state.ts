// The D.1.2 editor's own state: everything as typed (the year stays a string until saved). Pure
// functions, shared by the editor and its tests. What is saved is the lenient draft shape of
// lib/cases/forms/graduation-record-form.ts.

export type TGraduationRecordValues = {
  student: { firstNames: string; lastNames: string; cui: string; birthDate: string };
  record: { degree: string; institution: string; graduationYear: string };
  archiveOfficer: { name: string; post: string };
  contactPhone: string;
};

export type TGraduationRecordPayload = {
  student: { firstNames?: string; lastNames?: string; cui?: string; birthDate?: string };
  record: { degree?: string; institution?: string; graduationYear?: number };
  archiveOfficer: { name?: string; post?: string };
  contactPhone?: string;
};

function str(v: unknown): string {
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return "";
}

function obj(v: unknown): Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

// Whatever formData holds (an older shape, a copy kept in this browser) becomes editor values
// without throwing: unknown keys are ignored, missing ones start empty.
export function graduationValuesFromFormData(formData: unknown): TGraduationRecordValues {
  const data = obj(formData);
  const student = obj(data.student);
  const record = obj(data.record);
  const officer = obj(data.archiveOfficer);
  return {
    student: {
      firstNames: str(student.firstNames),
      lastNames: str(student.lastNames),
      cui: str(student.cui),
      birthDate: str(student.birthDate).slice(0, 10),
    },
    record: { degree: str(record.degree), institution: str(record.institution), graduationYear: str(record.graduationYear) },
    archiveOfficer: { name: str(officer.name), post: str(officer.post) },
    contactPhone: str(data.contactPhone),
  };
}

function optional(s: string): string | undefined {
  return s.trim() === "" ? undefined : s;
}

// Editor values → the draft's formData. A year that is not (yet) a number is left out of the saved
// draft, but the editor keeps showing it: the strict check on submission names it.
export function graduationPayloadOf(values: TGraduationRecordValues): TGraduationRecordPayload {
  const year = values.record.graduationYear.trim();
  return {
    student: {
      firstNames: optional(values.student.firstNames),
      lastNames: optional(values.student.lastNames),
      cui: optional(values.student.cui),
      birthDate: optional(values.student.birthDate),
    },
    record: {
      degree: optional(values.record.degree),
      institution: optional(values.record.institution),
      graduationYear: /^\d{1,4}$/.test(year) ? Number(year) : undefined,
    },
    archiveOfficer: { name: optional(values.archiveOfficer.name), post: optional(values.archiveOfficer.post) },
    contactPhone: optional(values.contactPhone),
  };
}

export function graduationSnapshotOf(values: TGraduationRecordValues): string {
  return JSON.stringify(values);
}
