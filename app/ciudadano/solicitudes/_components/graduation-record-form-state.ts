// The D.1.2 editor's own state: everything as typed (the year stays a string until saved). Pure
// functions, shared by the editor and its tests. What is saved is the lenient draft shape of
// lib/cases/forms/graduation-record-form.ts.

import { objectOf, optionalText, studentPayloadOf, studentValuesOf, textOf, type TStudentValues } from "./form-values";

export type TGraduationRecordValues = {
  student: TStudentValues;
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

// Whatever formData holds (an older shape, a copy kept in this browser) becomes editor values
// without throwing: unknown keys are ignored, missing ones start empty.
export function graduationValuesFromFormData(formData: unknown): TGraduationRecordValues {
  const data = objectOf(formData);
  const record = objectOf(data.record);
  const officer = objectOf(data.archiveOfficer);
  return {
    student: studentValuesOf(data.student),
    record: { degree: textOf(record.degree), institution: textOf(record.institution), graduationYear: textOf(record.graduationYear) },
    archiveOfficer: { name: textOf(officer.name), post: textOf(officer.post) },
    contactPhone: textOf(data.contactPhone),
  };
}

// Editor values → the draft's formData. A year that is not (yet) a number is left out of the saved
// draft, but the editor keeps showing it: the strict check on submission names it.
export function graduationPayloadOf(values: TGraduationRecordValues): TGraduationRecordPayload {
  const year = values.record.graduationYear.trim();
  return {
    student: studentPayloadOf(values.student),
    record: {
      degree: optionalText(values.record.degree),
      institution: optionalText(values.record.institution),
      graduationYear: /^\d{1,4}$/.test(year) ? Number(year) : undefined,
    },
    archiveOfficer: { name: optionalText(values.archiveOfficer.name), post: optionalText(values.archiveOfficer.post) },
    contactPhone: optionalText(values.contactPhone),
  };
}

export function graduationSnapshotOf(values: TGraduationRecordValues): string {
  return JSON.stringify(values);
}
