import { createHash } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { readCertificateSummary } from "@/lib/pdf/signatures/read-certificate-summary";
import { readCmsSignedData } from "@/lib/pdf/signatures/read-cms-signed-data";
import { parseTrustedRoots, verifyCertificateChain } from "@/lib/pdf/signatures/verify-certificate-chain";
import { digestName, verifySignerInfo } from "@/lib/pdf/signatures/verify-signer-info";
import { OID } from "../oids";
import { SigningError } from "../signing-error";

export const EKU_TIME_STAMPING = "1.3.6.1.5.5.7.3.8";
const EXTENDED_KEY_USAGE = "2.5.29.37";

export type TTimestampToken = {
  // DER ContentInfo(SignedData) as the TSA sent it.
  token: Buffer;
  genTime: Date;
  // The TSA as people read it: its certificate's common name (or whole subject).
  tsaName: string;
  tsaCertificate: Buffer;
  // The TSA certificate's issuers, nearest first, up to the trusted root.
  chain: Buffer[];
  imprint: { algorithm: string; digest: Buffer };
  nonce: bigint | null;
  serialNumber: string;
};

const invalid = (detail: string) => new SigningError("TSA_INVALID", `El sello de tiempo recibido no es válido: ${detail}.`);

// Reads an RFC 3161 TimeStampToken and checks what makes it trustworthy on its own: the token's
// signature over its TSTInfo (with the ESS signing-certificate attribute naming the TSA
// certificate), that certificate's extended key usage (critical, timeStamping only, RFC 3161
// §2.3), its chain up to one of `trustedRoots`, and its validity at genTime. What it timestamps
// (the imprint) is the caller's to compare. Throws SigningError TSA_INVALID.
export function readTimestampToken(token: Buffer, options: { trustedRoots: Array<Buffer | string> }): TTimestampToken {
  let cms: ReturnType<typeof readCmsSignedData>;
  try {
    cms = readCmsSignedData(token);
  } catch {
    throw invalid("no es un CMS SignedData legible");
  }
  if (cms.eContentType !== OID.tstInfo || !cms.eContent) throw invalid("no contiene un TSTInfo");
  if (cms.signerInfos.length !== 1) throw invalid("debe tener exactamente un firmante");
  const signerInfo = cms.signerInfos[0];
  const hash = digestName(signerInfo.digestAlgorithm);
  if (!hash) throw invalid("algoritmo de resumen no soportado");
  const check = verifySignerInfo(cms, signerInfo, createHash(hash).update(cms.eContent).digest(), [cms.eContent]);
  if (!check.signerCertificate) throw invalid("no incluye el certificado de la autoridad de sellado");
  if (!check.digestOk || !check.signatureOk) throw invalid("su firma no verifica");
  // RFC 3161 §2.4.2: the token must name its signing certificate (ESS signing-certificate).
  if (check.signingCertificateAttributeOk !== true) throw invalid("no identifica el certificado que lo firmó");

  let tstInfo: pkijs.TSTInfo;
  try {
    tstInfo = pkijs.TSTInfo.fromBER(new Uint8Array(cms.eContent));
  } catch {
    throw invalid("su TSTInfo no es legible");
  }
  const genTime = tstInfo.genTime;
  if (!(genTime instanceof Date) || Number.isNaN(genTime.getTime())) throw invalid("no tiene una hora válida");

  const tsaCertificate = check.signerCertificate;
  checkTimeStampingUsage(tsaCertificate);
  let roots;
  try {
    roots = parseTrustedRoots(options.trustedRoots);
  } catch {
    throw invalid("una raíz de confianza configurada no es un certificado");
  }
  const chain = verifyCertificateChain(tsaCertificate, cms.certificates, roots, genTime);
  if (!chain.trusted) throw invalid("la autoridad de sellado no proviene de una raíz de confianza");
  if (!chain.validAt) throw invalid("el certificado de la autoridad de sellado no estaba vigente a la hora del sello");

  const summary = readCertificateSummary(tsaCertificate);
  const imprintAlgorithm = tstInfo.messageImprint.hashAlgorithm.algorithmId;
  return {
    token,
    genTime,
    tsaName: summary.commonName ?? summary.subject,
    tsaCertificate,
    chain: chain.path.slice(1),
    imprint: { algorithm: imprintAlgorithm, digest: Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView) },
    nonce: tstInfo.nonce ? integerValue(tstInfo.nonce) : null,
    serialNumber: Buffer.from(tstInfo.serialNumber.valueBlock.valueHexView).toString("hex"),
  };
}

// RFC 3161 §2.3: the TSA's certificate has exactly one extended key usage, id-kp-timeStamping,
// marked critical.
export function checkTimeStampingUsage(der: Buffer): void {
  let certificate: pkijs.Certificate;
  try {
    certificate = pkijs.Certificate.fromBER(new Uint8Array(der));
  } catch {
    throw invalid("el certificado de la autoridad de sellado no es legible");
  }
  const eku = certificate.extensions?.find((e) => e.extnID === EXTENDED_KEY_USAGE);
  const purposes = (eku?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
  if (!eku || !eku.critical || purposes.length !== 1 || purposes[0] !== EKU_TIME_STAMPING) {
    throw invalid("el certificado que lo firmó no es de una autoridad de sellado de tiempo (uso extendido timeStamping, crítico)");
  }
}

export function integerValue(integer: asn1js.Integer): bigint {
  const bytes = Buffer.from(integer.valueBlock.valueHexView);
  return bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString("hex")}`);
}
