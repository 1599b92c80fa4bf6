import { describeRevocation, describeTimestamp } from "@/lib/pdf/describe-signature-report";
import type { TPadesLevel, TPdfSignatureReport, TSignatureCheck } from "@/lib/pdf/validate-pdf-signatures";

export type TTimestampSummary = {
  time: Date | null;
  authority: string | null;
  valid: boolean;
  // "5 de diciembre de 2026, 14:03 (hora de Guatemala), TSA … — válido, cubre esta firma"
  description: string;
};

export type TLongTermSignatureSummary = {
  // Does not reach the end of the file because only later signatures, a DSS or document
  // timestamps follow: normal, not a modification.
  coveredByLaterUpdates: boolean;
  // Something else was added after it.
  modifiedAfterSigning: boolean;
  timestamp: TTimestampSummary | null;
  revocation: { status: "good" | "revoked" | "unknown"; description: string };
  level: TPadesLevel | null;
  // Spanish, for the report's list of what is wrong.
  problems: string[];
};

export type TLongTermFileSummary = {
  level: TPadesLevel | null;
  documentTimestamp: (TTimestampSummary & { coversWholeFile: boolean }) | null;
  problems: string[];
};

// What the staff reports (certification and archive record) show of the long-term checks:
// the same facts and words as `npm run pdf:verify`.
export function summarizeLongTermSignature(s: TSignatureCheck, isLast: boolean): TLongTermSignatureSummary {
  const problems: string[] = [];
  if (s.timestamp && !s.timestamp.valid) problems.push(`El sello de tiempo de la firma no es válido: ${s.timestamp.errors[0] ?? "no se pudo comprobar"}`);
  if (s.revocation.status === "revoked") {
    problems.push(s.valid ? describeRevocationNote(s) : `Según los datos de revocación incluidos en el documento, el certificado del firmante está ${describeRevocation(s.revocation)}.`);
  }
  // The last signature's later changes are the report's "modificado después de la última firma".
  if (s.modifiedAfterSigning && !isLast) problems.push(`Después de esta firma se modificó el documento: ${s.laterChanges.join(" ") || "se agregó contenido que no es una firma ni un sello"}`);
  return {
    coveredByLaterUpdates: s.coveredByLaterUpdates,
    modifiedAfterSigning: s.modifiedAfterSigning,
    timestamp: s.timestamp
      ? { time: s.timestamp.genTime, authority: s.timestamp.tsaName, valid: s.timestamp.valid, description: describeTimestamp(s.timestamp) }
      : null,
    revocation: { status: s.revocation.status, description: describeRevocation(s.revocation) },
    level: s.level,
    problems,
  };
}

function describeRevocationNote(s: TSignatureCheck): string {
  return `El certificado del firmante fue revocado después de firmar (${describeRevocation(s.revocation)}); el sello de tiempo prueba que la firma es anterior.`;
}

export function summarizeLongTermFile(report: TPdfSignatureReport): TLongTermFileSummary {
  const d = report.documentTimestamp;
  const problems = report.documentTimestamps.filter((t) => !t.valid).map((t) => `El sello de tiempo del documento no es válido: ${t.errors[0] ?? "no se pudo comprobar"}`);
  return {
    level: report.level,
    documentTimestamp: d
      ? {
          time: d.genTime,
          authority: d.tsaName,
          valid: d.valid,
          coversWholeFile: d.coversWholeFile,
          description: describeTimestamp(d, "cubre el documento"),
        }
      : null,
    problems,
  };
}
