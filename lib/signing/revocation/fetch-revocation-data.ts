import { X509Certificate } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { readCertificateSummary } from "@/lib/pdf/signatures/read-certificate-summary";
import { parseTrustedRoots, verifyCertificateChain } from "@/lib/pdf/signatures/verify-certificate-chain";
import { verifySignatureValue } from "@/lib/pdf/signatures/verify-signature-value";
import { fetchDer, type TFetch } from "../fetch-der";
import { ensurePkijsEngine } from "../pkijs-engine";
import { SigningError } from "../signing-error";

export type TRevocationData = {
  // "revoked" only with `allowRevoked` (otherwise CERTIFICATE_REVOKED is thrown).
  status: "good" | "revoked";
  revokedAt?: Date;
  // DER OCSPResponse (whole, as the responder sent it) and DER CertificateList, for the DSS.
  ocspResponses: Buffer[];
  crls: Buffer[];
  // The path up to the trusted root, and the delegated OCSP responders' certificates.
  certificates: Buffer[];
};

export type TFetchRevocationDataOptions = {
  trustedRoots: Array<Buffer | string>;
  now: Date;
  fetch?: TFetch;
  timeoutMs?: number;
  // Return status "revoked" instead of throwing CERTIFICATE_REVOKED.
  allowRevoked?: boolean;
};

const AIA = "1.3.6.1.5.5.7.1.1";
const AD_OCSP = "1.3.6.1.5.5.7.48.1";
const CRL_DISTRIBUTION_POINTS = "2.5.29.31";
const EXTENDED_KEY_USAGE = "2.5.29.37";
const EKU_OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
const OCSP_BASIC = "1.3.6.1.5.5.7.48.1.1";
// Clocks of the responder and of this server may differ this much.
const CLOCK_SKEW_MS = 5 * 60_000;
// An OCSP answer without nextUpdate is taken as fresh for this long after its thisUpdate.
const OCSP_FRESH_WITHOUT_NEXT_UPDATE_MS = 24 * 3600_000;

type TStatus = { status: "good" } | { status: "revoked"; revokedAt: Date };
type TCheck = TStatus & { ocsp?: Buffer; crl?: Buffer; responder?: Buffer };

// Revocation status and evidence for every certificate of `chain` (leaf first) below the trusted
// root: OCSP first, from the certificate's AIA address, with the response's signature checked
// (by the issuer, or by a responder the issuer certified for OCSPSigning), its CertID matched and
// its times sane; else the CRL from its distribution point, signed by the issuer and current.
// Errors: SigningError REVOCATION_UNAVAILABLE (nothing reachable and valid for a certificate),
// CERTIFICATE_REVOKED (any certificate of the chain revoked, unless `allowRevoked`).
export async function fetchRevocationData(chain: Buffer[], options: TFetchRevocationDataOptions): Promise<TRevocationData> {
  ensurePkijsEngine();
  if (chain.length === 0) throw new Error("fetchRevocationData: cadena vacía");
  let roots: X509Certificate[];
  try {
    roots = parseTrustedRoots(options.trustedRoots);
  } catch {
    throw unavailable("una raíz de confianza configurada no es un certificado");
  }
  const path = verifyCertificateChain(chain[0], chain.slice(1), roots, options.now);
  if (!path.trusted) throw unavailable(`el certificado de ${describe(chain[0])} no proviene de una raíz de confianza`);

  const data: TRevocationData = { status: "good", ocspResponses: [], crls: [], certificates: [...path.path] };
  const crlCache = new Map<string, Promise<Buffer>>();
  // The last certificate of the path is the trusted root: nothing vouches for it but trust itself.
  for (let i = 0; i < path.path.length - 1; i++) {
    const certificate = path.path[i];
    const issuer = path.path[i + 1];
    const check = await checkCertificate(certificate, issuer, options, crlCache);
    if (check.ocsp) data.ocspResponses.push(check.ocsp);
    if (check.crl && !data.crls.some((c) => c.equals(check.crl!))) data.crls.push(check.crl);
    if (check.responder && !data.certificates.some((c) => c.equals(check.responder!))) data.certificates.push(check.responder);
    if (check.status === "revoked") {
      if (!options.allowRevoked) {
        const when = check.revokedAt.toLocaleString("es-GT", { timeZone: "America/Guatemala", dateStyle: "long", timeStyle: "short" });
        throw new SigningError(
          "CERTIFICATE_REVOKED",
          `El certificado de ${describe(certificate)} fue revocado por su autoridad de certificación el ${when} (hora de Guatemala). No se puede firmar con él.`,
        );
      }
      if (data.status === "good") {
        data.status = "revoked";
        data.revokedAt = check.revokedAt;
      }
    }
  }
  return data;
}

async function checkCertificate(der: Buffer, issuerDer: Buffer, options: TFetchRevocationDataOptions, crlCache: Map<string, Promise<Buffer>>): Promise<TCheck> {
  const certificate = pkijs.Certificate.fromBER(new Uint8Array(der));
  const issuer = pkijs.Certificate.fromBER(new Uint8Array(issuerDer));
  const problems: string[] = [];
  for (const url of ocspUrls(certificate)) {
    try {
      return await checkOcsp(url, certificate, issuer, issuerDer, options);
    } catch (error) {
      problems.push(`OCSP ${url}: ${(error as Error).message}`);
    }
  }
  for (const url of crlUrls(certificate)) {
    try {
      let pending = crlCache.get(url);
      if (!pending) {
        pending = fetchDer(url, { accept: "application/pkix-crl", timeoutMs: options.timeoutMs, fetch: options.fetch, maxBytes: 16 * 1024 * 1024 });
        crlCache.set(url, pending);
      }
      return checkCrl(await pending, certificate, issuerDer, options.now);
    } catch (error) {
      problems.push(`CRL ${url}: ${(error as Error).message}`);
    }
  }
  const why = problems.length === 0 ? "el certificado no indica dónde consultarla" : "el servicio de consulta no respondió o su respuesta no es válida";
  throw unavailable(`no se pudo comprobar la revocación del certificado de ${describe(der)}: ${why}`, problems);
}

async function checkOcsp(
  url: string,
  certificate: pkijs.Certificate,
  issuer: pkijs.Certificate,
  issuerDer: Buffer,
  options: TFetchRevocationDataOptions,
): Promise<TCheck> {
  const request = new pkijs.OCSPRequest();
  // SHA-1 CertID: the one every responder answers (RFC 5019 §2.1.1).
  await request.createForCertificate(certificate, { hashAlgorithm: "SHA-1", issuerCertificate: issuer });
  const body = Buffer.from(request.toSchema(true).toBER(false));
  const answer = await fetchDer(url, {
    body,
    contentType: "application/ocsp-request",
    accept: "application/ocsp-response",
    timeoutMs: options.timeoutMs,
    fetch: options.fetch,
    maxBytes: 1024 * 1024,
  });
  const response = pkijs.OCSPResponse.fromBER(new Uint8Array(answer));
  if (response.responseStatus.valueBlock.valueDec !== 0) throw new Error(`estado ${response.responseStatus.valueBlock.valueDec}`);
  if (response.responseBytes?.responseType !== OCSP_BASIC) throw new Error("no es una respuesta básica");
  const basic = pkijs.BasicOCSPResponse.fromBER(new Uint8Array(response.responseBytes.response.valueBlock.valueHexView));

  const tbs = Buffer.from(basic.tbsResponseData.tbsView);
  const signature = Buffer.from(basic.signature.valueBlock.valueHexView);
  const algorithm = basic.signatureAlgorithm.algorithmId;
  let responder: Buffer | undefined;
  if (!verifySignedBytes(tbs, algorithm, signature, new X509Certificate(issuerDer))) {
    // A delegated responder (RFC 6960 §4.2.2.2): certified by the issuer itself for OCSPSigning.
    const delegated = (basic.certs ?? [])
      .map((c) => Buffer.from(c.toSchema().toBER(false)))
      .find((c) => {
        try {
          const x509 = new X509Certificate(c);
          return verifySignedBytes(tbs, algorithm, signature, x509) && x509.checkIssued(new X509Certificate(issuerDer)) && x509.verify(new X509Certificate(issuerDer).publicKey);
        } catch {
          return false;
        }
      });
    if (!delegated) throw new Error("la firma de la respuesta no es del emisor ni de un respondedor autorizado por él");
    const parsed = pkijs.Certificate.fromBER(new Uint8Array(delegated));
    const eku = parsed.extensions?.find((e) => e.extnID === EXTENDED_KEY_USAGE)?.parsedValue as pkijs.ExtKeyUsage | undefined;
    if (!eku?.keyPurposes.includes(EKU_OCSP_SIGNING)) throw new Error("el respondedor no está autorizado para OCSP (OCSPSigning)");
    const summary = readCertificateSummary(delegated);
    if (!(summary.validFrom.getTime() <= options.now.getTime() + CLOCK_SKEW_MS && options.now.getTime() - CLOCK_SKEW_MS <= summary.validTo.getTime())) {
      throw new Error("el certificado del respondedor no está vigente");
    }
    responder = delegated;
  }

  const expected = await pkijs.CertID.create(certificate, { hashAlgorithm: "SHA-1", issuerCertificate: issuer });
  const single = basic.tbsResponseData.responses.find((r) => r.certID.isEqual(expected));
  if (!single) throw new Error("la respuesta no trata de este certificado");
  const now = options.now.getTime();
  if (single.thisUpdate.getTime() > now + CLOCK_SKEW_MS) throw new Error("la respuesta es posterior a la hora actual");
  const freshUntil = single.nextUpdate ? single.nextUpdate.getTime() : single.thisUpdate.getTime() + OCSP_FRESH_WITHOUT_NEXT_UPDATE_MS;
  if (freshUntil < now - CLOCK_SKEW_MS) throw new Error("la respuesta está vencida");

  const status = single.certStatus as asn1js.BaseBlock;
  const tag = status.idBlock.tagNumber;
  if (status.idBlock.tagClass !== 3 || tag === 2) throw new Error("el respondedor no conoce el certificado");
  if (tag === 1) {
    const revokedAt = readRevocationTime(status);
    return { status: "revoked", revokedAt, ocsp: answer, responder };
  }
  return { status: "good", ocsp: answer, responder };
}

function checkCrl(crlDer: Buffer, certificate: pkijs.Certificate, issuerDer: Buffer, now: Date): TCheck {
  const crl = pkijs.CertificateRevocationList.fromBER(new Uint8Array(crlDer));
  if (!crl.issuer.isEqual(certificate.issuer)) throw new Error("la lista es de otro emisor");
  if (!verifySignedBytes(Buffer.from(crl.tbsView), crl.signatureAlgorithm.algorithmId, Buffer.from(crl.signatureValue.valueBlock.valueHexView), new X509Certificate(issuerDer))) {
    throw new Error("la firma de la lista no es del emisor");
  }
  if (crl.thisUpdate.value.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new Error("la lista es posterior a la hora actual");
  if (crl.nextUpdate && crl.nextUpdate.value.getTime() < now.getTime() - CLOCK_SKEW_MS) throw new Error("la lista está vencida");
  const entry = crl.revokedCertificates?.find((r) => r.userCertificate.isEqual(certificate.serialNumber));
  if (entry) return { status: "revoked", revokedAt: entry.revocationDate.value, crl: crlDer };
  return { status: "good", crl: crlDer };
}

function readRevocationTime(status: asn1js.BaseBlock): Date {
  // RevokedInfo ::= SEQUENCE { revocationTime GeneralizedTime, revocationReason [0] OPTIONAL },
  // here [1] IMPLICIT: the constructed block's first child is the time.
  const children = (status as asn1js.Constructed).valueBlock?.value ?? [];
  const time = children[0];
  if (time instanceof asn1js.GeneralizedTime) return time.toDate();
  throw new Error("fecha de revocación ilegible");
}

function verifySignedBytes(tbs: Buffer, algorithm: string, signature: Buffer, signer: X509Certificate): boolean {
  return verifySignatureValue(algorithm, signer.publicKey, tbs, signature);
}

function uriOf(name: pkijs.GeneralName): string | null {
  return name.type === 6 && typeof name.value === "string" && /^https?:\/\//i.test(name.value) ? name.value : null;
}

export function ocspUrls(certificate: pkijs.Certificate): string[] {
  const aia = certificate.extensions?.find((e) => e.extnID === AIA)?.parsedValue as pkijs.InfoAccess | undefined;
  return (aia?.accessDescriptions ?? []).filter((d) => d.accessMethod === AD_OCSP).flatMap((d) => uriOf(d.accessLocation) ?? []);
}

export function crlUrls(certificate: pkijs.Certificate): string[] {
  const cdp = certificate.extensions?.find((e) => e.extnID === CRL_DISTRIBUTION_POINTS)?.parsedValue as pkijs.CRLDistributionPoints | undefined;
  return (cdp?.distributionPoints ?? []).flatMap((point) => {
    const names = point.distributionPoint;
    return Array.isArray(names) ? names.flatMap((n) => uriOf(n) ?? []) : [];
  });
}

function describe(der: Buffer): string {
  try {
    const summary = readCertificateSummary(der);
    return `«${summary.commonName ?? summary.subject}»`;
  } catch {
    return "un certificado";
  }
}

function unavailable(detail: string, problems: string[] = []): SigningError {
  const error = new SigningError(
    "REVOCATION_UNAVAILABLE",
    `No se firmó: ${detail}. La solicitud quedó como estaba; intente de nuevo en unos minutos o avise a la administración.`,
  );
  // For the log, not for people: which address failed and how.
  (error as SigningError & { problems?: string[] }).problems = problems;
  return error;
}

