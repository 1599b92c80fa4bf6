import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { CompareFile } from "@/components/verification/compare-file";
import { VerificationCodeForm } from "@/components/verification/verification-code-form";
import { findVerification, type TVerificationStatus } from "@/lib/cases/find-verification";
import { formatGuatemalaTime } from "@/lib/pdf/format-guatemala-time";
import { verificationCodeFromParam } from "@/lib/verification/normalize-verification-code";

export const metadata: Metadata = { title: "Verificación de documento", robots: { index: false } };

const STATUS_LABELS: Record<TVerificationStatus, string> = {
  ISSUED: "Emitido",
  IN_PROCESS: "En trámite",
  REVOKED: "Revocado",
  CANCELLED: "Anulado",
};

const STATUS_TEXT: Record<TVerificationStatus, string> = {
  ISSUED: "El documento fue firmado electrónicamente por todas las oficinas y emitido por el Ministerio de Educación.",
  IN_PROCESS: "El documento aún se está firmando. No es válido hasta que figure como emitido.",
  REVOKED: "El documento fue emitido y luego revocado: ya no es válido.",
  CANCELLED: "La solicitud fue rechazada: ningún documento válido lleva este código.",
};

const STATUS_STYLE: Record<TVerificationStatus, string> = {
  ISSUED: "border-green-700 bg-green-50 text-green-900",
  IN_PROCESS: "border-amber-600 bg-amber-50 text-amber-950",
  REVOKED: "border-red-700 bg-red-50 text-red-900",
  CANCELLED: "border-red-700 bg-red-50 text-red-900",
};

const DATE = new Intl.DateTimeFormat("es-GT", { dateStyle: "long", timeStyle: "short", timeZone: "America/Guatemala" });

const load = cache((code: string) => findVerification(code));

export default async function VerificationPage({ params }: { params: Promise<{ code: string }> }) {
  const { code: raw } = await params;
  const code = verificationCodeFromParam(raw);
  if (!code) notFound();
  // One canonical address per code (what the QR prints), whatever spelling was typed.
  if (code !== raw) redirect(`/verificar/${code}`);
  const v = await load(code);
  if (!v) notFound();

  return (
    <>
      <PageHeading title="Verificación de documento" eyebrow="Ministerio de Educación de Guatemala">
        <p>
          Código <span className="font-mono font-semibold">{v.code}</span>
        </p>
      </PageHeading>
      <div className="space-y-6">
        <div className={`rounded-md border-l-4 p-4 ${STATUS_STYLE[v.status]}`}>
          <p className="text-sm font-medium">Estado</p>
          <p className="text-2xl font-bold" data-testid="verification-status">
            {STATUS_LABELS[v.status]}
          </p>
          <p className="mt-1">{STATUS_TEXT[v.status]}</p>
          {v.status === "REVOKED" && v.revocationCategory ? <p className="mt-1">Motivo: {v.revocationCategory}</p> : null}
        </div>

        <Card aria-labelledby="datos">
          <h2 id="datos" className="text-xl font-semibold">
            Datos del documento
          </h2>
          <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium text-slate-600">Tipo de documento</dt>
            <dd>{v.documentType}</dd>
            {v.issuingOffices.length > 0 ? (
              <>
                <dt className="font-medium text-slate-600">Oficinas que lo emiten</dt>
                <dd>
                  <ul>
                    {v.issuingOffices.map((o) => (
                      <li key={o}>{o}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            <dt className="font-medium text-slate-600">Fecha de emisión</dt>
            <dd>{v.issuedAt ? DATE.format(v.issuedAt) : "Aún no emitido"}</dd>
            {v.holderName ? (
              <>
                <dt className="font-medium text-slate-600">Titular</dt>
                <dd data-testid="holder-name">
                  {v.holderName} <span className="text-sm text-slate-600">(nombre parcialmente oculto)</span>
                </dd>
              </>
            ) : null}
          </dl>
        </Card>

        <Card aria-labelledby="firmas">
          <h2 id="firmas" className="text-xl font-semibold">
            Firmas electrónicas
          </h2>
          {v.signers.length === 0 ? (
            <p className="mt-2 text-slate-700">El documento aún no tiene firmas.</p>
          ) : (
            <ol className="mt-4 space-y-3">
              {v.signers.map((s, i) => (
                <li key={`${s.name}-${i}`} className="rounded-md border border-slate-200 p-3">
                  <p className="font-semibold">{s.name}</p>
                  {s.post ? <p>{s.post}</p> : null}
                  <p className="text-slate-700">{s.office}</p>
                  <p className="text-sm text-slate-600">Firmó el {DATE.format(s.signedAt)}</p>
                  {s.timestampedAt ? (
                    <p className="text-sm text-slate-700" data-testid="signer-timestamp">
                      Sello de tiempo: {formatGuatemalaTime(s.timestampedAt)}
                      {s.timestampAuthority ? `, TSA ${s.timestampAuthority}` : ""}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          {/* Stored at issuance (DocumentVersion.padesLevel): no PDF is parsed per request. Older
              documents have no level recorded, and the page then says nothing about it. */}
          {v.padesLevel === "B-LTA" && (v.status === "ISSUED" || v.status === "REVOKED") ? (
            <dl className="mt-4 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]" data-testid="long-term-validity">
              <dt className="font-medium text-slate-600">Validez a largo plazo</dt>
              <dd>
                <span className="font-semibold">sí</span>
                <span className="block text-sm text-slate-700">
                  Cada firma lleva un sello de tiempo de una autoridad de sellado, y el archivo incluye los certificados y los datos de
                  revocación para comprobarlas en el futuro, protegidos por un sello de tiempo del documento (PAdES B-LTA
                  {v.documentTimestampedAt ? `, ${formatGuatemalaTime(v.documentTimestampedAt)}` : ""}).
                </span>
              </dd>
            </dl>
          ) : null}
        </Card>

        {v.sha256 && (v.status === "ISSUED" || v.status === "REVOKED") ? (
          <>
            <Card aria-labelledby="archivo">
              <h2 id="archivo" className="text-xl font-semibold">
                Archivo emitido
              </h2>
              <p className="mt-2 text-slate-700">Huella digital SHA-256 del archivo emitido:</p>
              <p className="mt-1 break-all font-mono text-sm" data-testid="issued-sha256">
                {v.sha256}
              </p>
              <p className="mt-4">
                <a href={`/verificar/${v.code}/documento`} className="font-semibold text-brand-700 underline" download>
                  Descargar el documento emitido (PDF)
                </a>
              </p>
            </Card>
            <CompareFile expectedSha256={v.sha256} />
          </>
        ) : null}

        <Card aria-labelledby="otro">
          <h2 id="otro" className="text-xl font-semibold">
            Verificar otro código
          </h2>
          <div className="mt-3">
            <VerificationCodeForm />
          </div>
        </Card>
      </div>
    </>
  );
}
