import { buildCertifyingStatement, dideducOfficeName } from "@/lib/pdf/certifying-statement";
import { CENTRAL_OFFICE, studiesTable, type TCertificationSheetInput } from "@/lib/pdf/sheet-data";

export const HOLDER = "María José Ñúñez Peñate de Güinea";
export const CODE = "7K3M-Q9TZ-W2HD";
export const URL_ = `http://localhost:3000/verificar/${CODE}`;

const GRADES = [
  "Primero primaria",
  "Segundo primaria",
  "Tercero primaria",
  "Cuarto primaria",
  "Quinto primaria",
  "Sexto primaria",
  "Primero básico",
  "Segundo básico",
  "Tercero básico",
  "Cuarto bachillerato",
  "Quinto bachillerato",
];

// D.1.1 data with accents everywhere and as many study rows as asked.
export function educationalRecordSheet(rows = 6, overrides: Partial<TCertificationSheetInput> = {}): TCertificationSheetInput {
  const dideduc = dideducOfficeName("Quetzaltenango");
  return {
    procedure: "EDUCATIONAL_RECORD",
    issuingOffices: [dideduc, CENTRAL_OFFICE],
    caseNumber: "EE-2026-000123",
    title: "Certificación electrónica de expediente educativo",
    holder: { fullName: HOLDER, cui: "2345 67890 0101" },
    studyMode: "SCHOOL",
    documents: [
      { label: "Certificados de estudio" },
      { label: "Diplomas" },
      { label: "Otros", description: "Carta de conducta del año 1998" },
    ],
    studies: studiesTable(
      "SCHOOL",
      Array.from({ length: rows }, (_, i) => ({
        gradeOrStage: GRADES[i % GRADES.length] + (i >= GRADES.length ? ` (repitencia ${Math.floor(i / GRADES.length)})` : ""),
        year: 1950 + i,
        schoolOrProgram:
          i % 2 === 0
            ? "Escuela Oficial Rural Mixta «José Martí», Cantón Chichiquí, Salcajá"
            : "Instituto Nacional de Educación Básica de Telesecundaria, aldea Tierra Colorada, San Juan Ostuncalco",
      })),
    ),
    statement: buildCertifyingStatement({
      procedure: "EDUCATIONAL_RECORD",
      dideducOffice: dideduc,
      holderName: HOLDER,
      studyMode: "SCHOOL",
    }),
    signers: [
      { name: "Licda. Ana Lucía Pérez Ajú", post: "Directora Departamental de Educación", office: dideduc },
      { post: "Asistente de Atención al Ciudadano", office: CENTRAL_OFFICE },
    ],
    issueDate: "2026-03-15",
    verification: { url: URL_, code: CODE },
    notes: [
      "Para apostillar este documento, súbalo en PDF a la plataforma electrónica del Ministerio de Relaciones Exteriores.",
    ],
    ...overrides,
  };
}

// D.3 data: labelled fields and no studies table, signed by the central office only.
export function swornTranslationSheet(): TCertificationSheetInput {
  return {
    ...educationalRecordSheet(1),
    procedure: "SWORN_TRANSLATION",
    caseNumber: "CT-2026-000007",
    issuingOffices: [CENTRAL_OFFICE],
    title: "Certificación de traducción jurada",
    studyMode: undefined,
    studies: undefined,
    documents: [],
    fields: [
      { label: "Traductor jurado", value: "José Ángel Muñoz Quiñónez" },
      { label: "Idioma autorizado", value: "Alemán" },
    ],
    statement: buildCertifyingStatement({
      procedure: "SWORN_TRANSLATION",
      translatorName: "José Ángel Muñoz Quiñónez",
      translatorGender: "MASCULINE",
      language: "alemán",
      appointmentResolution: "123-2019",
      dideducOffice: "Dirección Departamental de Educación de Sacatepéquez",
      dideducRegistrationNumber: "TJ-045",
    }),
    signers: [{ post: "Asistente de Atención al Ciudadano", office: CENTRAL_OFFICE }],
  };
}
