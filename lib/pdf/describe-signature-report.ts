import { formatGuatemalaTime } from "./format-guatemala-time";
import type { TRevocationCheck, TTimestampCheck, TPdfSignatureReport, TSignatureCheck, TDocumentTimestampCheck } from "./validate-pdf-signatures";

// Spanish lines for people: what `npm run pdf:verify` prints, and the phrases the staff
// signature report shows for timestamps, revocation and scope.

// "5 de diciembre de 2026, 14:03 (hora de Guatemala), TSA Autoridad … — válido, cubre esta firma"
export function describeTimestamp(timestamp: TTimestampCheck | null, covers = "cubre esta firma"): string {
  if (!timestamp) return "sin sello de tiempo";
  const when = timestamp.genTime ? formatGuatemalaTime(timestamp.genTime) : "hora ilegible";
  const who = timestamp.tsaName ? `, TSA ${timestamp.tsaName}` : "";
  if (timestamp.valid) return `${when}${who} — válido, ${covers}`;
  const why = !timestamp.imprintOk
    ? `no ${covers}`
    : !timestamp.signatureOk
      ? "su firma no es válida"
      : !timestamp.chainTrusted
        ? "la autoridad de sellado no es de confianza"
        : !timestamp.tsaCertificateOk
          ? "el certificado de la autoridad de sellado no sirve para sellar"
          : "revocado";
  return `${when}${who} — NO válido: ${why}`;
}

const SOURCE_PLACE = { DSS: "en el DSS del documento", CMS: "dentro de la firma" } as const;

// "no revocado (OCSP en el DSS del documento, emitida el …)"
export function describeRevocation(revocation: TRevocationCheck | null): string {
  if (!revocation || revocation.status === "unknown" || !revocation.source || !revocation.foundIn) return "sin datos de revocación incluidos";
  const source = `${revocation.source === "OCSP" ? "respuesta OCSP" : "CRL"} ${SOURCE_PLACE[revocation.foundIn]}${revocation.producedAt ? `, emitida el ${formatGuatemalaTime(revocation.producedAt)}` : ""}`;
  if (revocation.status === "good") return `no revocado (${source})`;
  return `REVOCADO${revocation.revokedAt ? ` el ${formatGuatemalaTime(revocation.revokedAt)}` : ""} (${source})`;
}

// Whether the signed bytes reach the end of the file, and if not, why that is fine or not.
export function describeScope(check: Pick<TSignatureCheck, "coversWholeFile" | "coveredByLaterUpdates" | "modifiedAfterSigning">): string {
  if (check.coversWholeFile) return "llega al final del archivo";
  if (check.coveredByLaterUpdates) return "cubierta por firmas o sellos posteriores";
  if (check.modifiedAfterSigning) return "el documento se modificó después de esta firma";
  return "llega al final del archivo (solo siguen espacios)";
}

export function describeLevel(level: TSignatureCheck["level"]): string {
  return level ?? "ninguno (la firma no es válida o el documento cambió después)";
}

function signatureLines(s: TSignatureCheck): string[] {
  const mark = (ok: boolean) => (ok ? "✔" : "✘");
  const lines = [
    `Firma ${s.index}: ${s.certificate?.commonName ?? s.name ?? "firmante desconocido"}`,
    `  Certificado: ${s.certificate ? `${s.certificate.subject} (emisor: ${s.certificate.issuerCommonName ?? s.certificate.issuer})` : "no disponible"}`,
    `  Integridad: ${mark(s.byteRangeOk && s.digestOk && s.signatureOk)} ${s.byteRangeOk && s.digestOk && s.signatureOk ? "intacta" : "alterada o firma no válida"}`,
    `  Cadena de confianza: ${mark(s.chainTrusted)} ${s.chainTrusted ? "llega a una raíz de confianza" : "no llega a una raíz de confianza"}`,
  ];
  if (s.signingTime) lines.push(`  Fecha declarada por el firmante: ${formatGuatemalaTime(s.signingTime)}`);
  lines.push(
    `  Sello de tiempo: ${describeTimestamp(s.timestamp)}`,
    `  Revocación del certificado: ${describeRevocation(s.revocation)}`,
  );
  if (s.timestamp) lines.push(`  Revocación del certificado de la TSA: ${describeRevocation(s.timestamp.revocation)}`);
  lines.push(`  Alcance: ${describeScope(s)}`, `  Nivel PAdES: ${describeLevel(s.level)}`);
  for (const e of [...s.errors, ...s.laterChanges]) lines.push(`  ✘ ${e}`);
  return lines;
}

function documentTimestampLine(d: TDocumentTimestampCheck): string {
  const scope = d.coversWholeFile ? "cubre todo el archivo" : d.coveredByLaterUpdates ? "cubierto por sellos posteriores" : "NO llega al final del archivo";
  return `Sello de tiempo del documento ${d.index}: ${describeTimestamp(d, "cubre el documento")}; ${scope}${d.coversDss ? ", incluye los datos de validación (DSS)" : ""}`;
}

// The whole report, line by line.
export function describeSignatureReport(report: TPdfSignatureReport): string[] {
  const lines: string[] = [];
  for (const s of report.signatures) lines.push(...signatureLines(s), "");
  if (report.documentTimestamps.length === 0) lines.push("Sello de tiempo del documento: ninguno");
  for (const d of report.documentTimestamps) {
    lines.push(documentTimestampLine(d));
    for (const e of d.errors) lines.push(`  ✘ ${e}`);
  }
  lines.push(
    report.dss
      ? `Datos de validación (DSS): ${report.dss.certificates} certificados, ${report.dss.ocspResponses} respuestas OCSP, ${report.dss.crls} CRL`
      : "Datos de validación (DSS): ninguno",
    `Nivel PAdES alcanzado: ${report.level ?? "ninguno"}`,
  );
  for (const e of report.errors) lines.push(`✘ ${e}`);
  lines.push(report.valid ? "Resultado: VÁLIDO" : "Resultado: NO VÁLIDO");
  return lines;
}
