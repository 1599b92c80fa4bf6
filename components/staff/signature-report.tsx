import { formatDateTime } from "@/components/cases/format-date";
import { cn } from "@/components/ui/cn";

// One signature of the file as the central office must see it (issue #3): who signed, the
// certificate's fingerprint, whether the signed bytes are intact, whether it reaches the end of
// the file or is covered by later signatures and seals, its timestamp, revocation status and
// PAdES level (issue #10), and whether the certificate is in the registry of authorized signers for that office
// and was valid when it signed.
export type TSignatureReportItem = {
  index: number;
  signerName: string | null;
  fingerprint: string | null;
  signedAt: Date | string | null;
  intact: boolean;
  coversWholeFile: boolean;
  authorized: boolean;
  // What the registry says: the entry's name, post and office, when one matched.
  authorizedAs: string | null;
  validAtSigning: boolean;
  revokedReason?: string | null;
  // Issue #10: not reaching the end of the file because only later signatures, a DSS or
  // document timestamps follow is normal, and shown as such.
  coveredByLaterUpdates?: boolean;
  timestamp?: TTimestampView | null;
  revocation?: { status: "good" | "revoked" | "unknown"; description: string };
  level?: string | null;
  problems: readonly string[];
};

type TTimestampView = { valid: boolean; description: string };

// Structurally what lib/cases/build-signature-report returns; the report's `problems` already say
// when the file was modified after the last signature.
export type TSignatureReportView = {
  ok: boolean;
  fileSha256: string | null;
  level?: string | null;
  documentTimestamp?: (TTimestampView & { coversWholeFile: boolean }) | null;
  signatures: readonly TSignatureReportItem[];
  problems: readonly string[];
};

function Check({ ok, yes, no, testId }: { ok: boolean; yes: string; no: string; testId: string }) {
  return (
    <span className={cn("inline-flex items-start gap-2 font-semibold", ok ? "text-green-900" : "text-red-800")} data-testid={testId} data-ok={ok}>
      {/* The symbol and the words carry the meaning; the colour only helps. */}
      <span aria-hidden="true">{ok ? "✔" : "✘"}</span>
      <span>{ok ? yes : no}</span>
    </span>
  );
}

export function SignatureReport({ report }: { report: TSignatureReportView }) {
  return (
    <div className="space-y-4" data-testid="signature-report">
      <div
        role="status"
        className={cn("rounded-md border-l-4 p-4", report.ok ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900")}
      >
        <p className="font-semibold" data-testid="signature-report-summary">
          {report.ok
            ? "Correcto: todas las firmas están intactas y son de firmantes autorizados con certificado vigente al firmar."
            : "Atención: el archivo no pasó la comprobación. Revise el detalle antes de firmar."}
        </p>
        {report.problems.map((p) => (
          <p key={p} className="mt-1">
            {p}
          </p>
        ))}
      </div>
      {report.signatures.length === 0 ? <p>El archivo no tiene firmas.</p> : null}
      <ol className="space-y-4">
        {report.signatures.map((s) => (
          <li key={s.index} className="rounded-md border border-slate-300 bg-white p-4" data-testid="signature-report-item">
            <h3 className="text-lg font-semibold">
              Firma {s.index}: {s.signerName ?? "firmante desconocido"}
            </h3>
            <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
              {s.authorizedAs ? (
                <>
                  <dt className="text-slate-700">En el registro como</dt>
                  <dd>{s.authorizedAs}</dd>
                </>
              ) : null}
              <dt className="text-slate-700">Huella del certificado (SHA-256)</dt>
              <dd className="break-all font-mono text-sm" data-testid="signature-fingerprint">
                {s.fingerprint ?? "—"}
              </dd>
              {s.signedAt ? (
                <>
                  <dt className="text-slate-700">Fecha de firma</dt>
                  <dd>{formatDateTime(s.signedAt)}</dd>
                </>
              ) : null}
              <dt className="text-slate-700">Integridad</dt>
              <dd>
                <Check ok={s.intact} yes="Intacta: el contenido firmado no cambió" no="Alterada: el contenido firmado cambió o la firma no es válida" testId="check-intact" />
              </dd>
              <dt className="text-slate-700">Alcance</dt>
              <dd>
                <Check
                  ok={s.coversWholeFile || Boolean(s.coveredByLaterUpdates)}
                  yes={s.coversWholeFile ? "Llega al final del archivo" : "Cubierta por firmas o sellos posteriores"}
                  no="No llega al final del archivo (se agregó contenido después)"
                  testId="check-covers"
                />
              </dd>
              {s.timestamp !== undefined ? (
                <>
                  <dt className="text-slate-700">Sello de tiempo</dt>
                  <dd>
                    {s.timestamp ? (
                      <Check ok={s.timestamp.valid} yes={s.timestamp.description} no={s.timestamp.description} testId="check-timestamp" />
                    ) : (
                      <span data-testid="check-timestamp" data-ok="false">
                        Sin sello de tiempo: la hora de la firma es la que declara el firmante
                      </span>
                    )}
                  </dd>
                </>
              ) : null}
              {s.revocation ? (
                <>
                  <dt className="text-slate-700">Revocación del certificado</dt>
                  <dd data-testid="revocation-status" data-status={s.revocation.status}>
                    {s.revocation.status === "unknown" ? (
                      <span>Sin datos de revocación incluidos en el documento</span>
                    ) : (
                      <Check ok={s.revocation.status === "good"} yes={s.revocation.description} no={s.revocation.description} testId="check-revocation" />
                    )}
                  </dd>
                </>
              ) : null}
              {s.level !== undefined ? (
                <>
                  <dt className="text-slate-700">Nivel PAdES</dt>
                  <dd data-testid="pades-level">{s.level ?? "Ninguno (la firma no es válida o el documento cambió después)"}</dd>
                </>
              ) : null}
              <dt className="text-slate-700">Registro de firmantes</dt>
              <dd>
                <Check ok={s.authorized} yes="Firmante autorizado de esta oficina" no="No figura como firmante autorizado de esta oficina" testId="check-authorized" />
              </dd>
              <dt className="text-slate-700">Vigencia</dt>
              <dd>
                <Check ok={s.validAtSigning} yes="Certificado vigente al firmar" no="Certificado no vigente al firmar" testId="check-valid" />
              </dd>
              {s.revokedReason ? (
                <>
                  <dt className="text-slate-700">Revocación en el registro</dt>
                  <dd>{s.revokedReason}</dd>
                </>
              ) : null}
            </dl>
            {s.problems.length > 0 ? (
              <ul className="mt-2 list-disc pl-6 text-red-900">
                {s.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
      {report.documentTimestamp !== undefined || report.level !== undefined ? (
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]" data-testid="signature-report-file">
          {report.documentTimestamp !== undefined ? (
            <>
              <dt className="text-slate-700">Sello de tiempo del documento</dt>
              <dd>
                {report.documentTimestamp ? (
                  <Check
                    ok={report.documentTimestamp.valid && report.documentTimestamp.coversWholeFile}
                    yes={`${report.documentTimestamp.description}; cubre todo el archivo`}
                    no={`${report.documentTimestamp.description}${report.documentTimestamp.coversWholeFile ? "" : "; no llega al final del archivo"}`}
                    testId="check-document-timestamp"
                  />
                ) : (
                  <span data-testid="check-document-timestamp" data-ok="false">
                    Ninguno
                  </span>
                )}
              </dd>
            </>
          ) : null}
          {report.level !== undefined ? (
            <>
              <dt className="text-slate-700">Nivel PAdES alcanzado</dt>
              <dd className="font-semibold" data-testid="pades-level-file">
                {report.level ?? "Ninguno"}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {report.fileSha256 ? (
        <p className="text-sm">
          SHA-256 del archivo: <span className="break-all font-mono">{report.fileSha256}</span>
        </p>
      ) : null}
    </div>
  );
}
