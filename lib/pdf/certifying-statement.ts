import type { TGrammaticalGender } from "@/lib/wording/choose-gendered-form";
import { describeSwornTranslator } from "@/lib/wording/describe-sworn-translator";
import type { TStudyMode } from "./sheet-data";

// The certifying statement ("CERTIFICA: que …") of each procedure that issues a sheet. The text
// is frozen into the sheet's data when it is generated; these builders only give every case of a
// procedure the same wording. Decreto 47-2008 is Guatemala's electronic signature law.

export type TCertifyingStatementInput =
  | { procedure: "EDUCATIONAL_RECORD"; dideducOffice: string; holderName: string; studyMode: TStudyMode }
  | {
      procedure: "GRADUATION_RECORD";
      holderName: string;
      archiveOfficerName: string;
      archiveOfficerPost: string;
    }
  | {
      procedure: "DIPLOMA_BEFORE_2005";
      dideducOffice: string;
      holderName: string;
      studyMode: TStudyMode;
      degree: string;
    }
  | { procedure: "DIPLOMA_FROM_2005"; holderName: string; degree: string; registrationNumber: string }
  | {
      procedure: "SWORN_TRANSLATION";
      translatorName: string;
      // As the translator stated it in the registry (null: not stated; inclusive wording).
      translatorGender: TGrammaticalGender | null;
      language: string;
      appointmentResolution: string;
      dideducOffice: string;
      dideducRegistrationNumber: string;
    };

const CENTRAL =
  "El Departamento de Atención al Ciudadano de la Dirección de Servicios Administrativos —DISERSA— del Ministerio de Educación";

const CLOSING =
  "Y, para los usos legales que a la persona interesada convengan, se extiende la presente certificación electrónica, " +
  "firmada con firma electrónica avanzada de conformidad con la Ley para el Reconocimiento de las Comunicaciones y " +
  "Firmas Electrónicas, Decreto número 47-2008 del Congreso de la República de Guatemala.";

const COUNTERSIGNED =
  " La presente certificación es refrendada con firma electrónica avanzada por el Departamento de Atención al " +
  "Ciudadano de la Dirección de Servicios Administrativos —DISERSA—.";

export function dideducOfficeName(dideducName: string): string {
  return `Dirección Departamental de Educación de ${dideducName}`;
}

// The appointment as the statement names it. The registry holds what the translator typed for
// "Número de acuerdo o resolución" (procedure D.3, activity 3), usually with its kind
// ("Acuerdo Ministerial 2418-2019"), sometimes the number alone ("123-2019"). "acuerdo o
// resolución número Acuerdo Ministerial 2418-2019" said the kind twice (issue #12, point 4): a
// text that names its kind is printed as such, with "número" before the number when it has none
// ("Acuerdo Ministerial número 2418-2019"); a bare number keeps "acuerdo o resolución número".
export function describeAppointment(appointment: string): string {
  const text = appointment.replace(/\s+/g, " ").trim();
  if (!/^(acuerdo|resoluci[oó]n)(\s|$)/i.test(text)) return `acuerdo o resolución número ${text}`;
  const split = /^(.*?)(\S*\d.*)$/.exec(text);
  if (!split) return text;
  const [, before, rest] = split;
  const NUMBER_WORD = /(^|\s)(n[úu]mero|n[úu]m\.?|no\.?|nro\.?|n\.?º)\s*$/i;
  if (NUMBER_WORD.test(before) || /^(n[úu]m(ero)?\.?|no\.|nro\.|n\.?º)/i.test(rest)) return text;
  return `${before}número ${rest}`;
}

export function buildCertifyingStatement(input: TCertifyingStatementInput): string {
  switch (input.procedure) {
    case "EDUCATIONAL_RECORD": {
      const mode = input.studyMode === "SCHOOL" ? "educación escolar" : "educación extraescolar";
      const places = input.studyMode === "SCHOOL" ? "los establecimientos educativos" : "los programas";
      return (
        `La ${input.dideducOffice}, con base en la revisión efectuada por su Departamento Técnico Pedagógico, ` +
        `CERTIFICA: que tuvo a la vista los documentos de ${mode} que se reproducen a continuación en forma digital, ` +
        `extendidos a nombre de ${input.holderName}, y que, confrontados con los registros que obran en esta Dirección ` +
        `Departamental, los grados o etapas, los años y ${places} que en ellos constan corresponden a los consignados ` +
        `en esta hoja.${COUNTERSIGNED} ${CLOSING}`
      );
    }
    case "DIPLOMA_BEFORE_2005": {
      const mode = input.studyMode === "SCHOOL" ? "educación escolar" : "educación extraescolar";
      return (
        `La ${input.dideducOffice}, con base en la revisión efectuada por su Departamento Técnico Pedagógico, ` +
        `CERTIFICA: que tuvo a la vista el título de ${input.degree} (${mode}), extendido a nombre de ${input.holderName}, ` +
        `que se reproduce a continuación en forma digital, anverso y reverso, con su sello de registro de la Contraloría ` +
        `General de Cuentas, y que, confrontado con los registros que obran en esta Dirección Departamental, los ` +
        `estudios, los años y los nombres, firmas y sellos de las autoridades que en él constan son auténticos.` +
        `${COUNTERSIGNED} ${CLOSING}`
      );
    }
    case "DIPLOMA_FROM_2005":
      return (
        `${CENTRAL} CERTIFICA: que el título de ${input.degree}, extendido a nombre de ${input.holderName} y ` +
        `registrado con el número ${input.registrationNumber}, consta en el registro de títulos del Ministerio de ` +
        `Educación, y que los datos personales y de los estudios que en dicho registro constan corresponden al ` +
        `documento que se reproduce a continuación en forma digital, anverso y reverso, con su sello de registro de la ` +
        `Contraloría General de Cuentas. ${CLOSING}`
      );
    case "GRADUATION_RECORD":
      return (
        `${CENTRAL} CERTIFICA: que el expediente de graduación de ${input.holderName}, extendido por el Archivo ` +
        `Documental del Ministerio de Educación y certificado con firma electrónica avanzada por ${input.archiveOfficerName}, ` +
        `${input.archiveOfficerPost}, fue recibido por este Departamento; que dicha firma se encontró íntegra, abarca la ` +
        `totalidad del documento y corresponde a persona autorizada para certificarlo; y que el documento se incorpora ` +
        `sin alteración alguna como archivo adjunto a esta certificación, de modo que su firma original puede ` +
        `verificarse de forma independiente. ${CLOSING}`
      );
    case "SWORN_TRANSLATION": {
      // "traductora jurada, nombrada, inscrita": in agreement with the translator's stated gender.
      const t = describeSwornTranslator(input.translatorGender);
      return (
        `${CENTRAL} CERTIFICA: que ${input.translatorName}, ${t.title} del idioma ${input.language}, ${t.appointed} ` +
        `mediante ${describeAppointment(input.appointmentResolution)} y ${t.registered} en la ${input.dideducOffice} ` +
        `con el número ${input.dideducRegistrationNumber}, se encuentra ${t.enrolled} en el registro de traductores jurados ` +
        `de este Departamento, y que la traducción que se reproduce a continuación en forma digital fue presentada ` +
        `bajo su nombre. Esta certificación no se pronuncia sobre el contenido de la traducción, que es ` +
        `responsabilidad ${t.ofThe}. ${CLOSING}`
      );
    }
  }
}
