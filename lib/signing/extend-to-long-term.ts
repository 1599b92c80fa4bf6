import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { findSignatureDictionaries } from "@/lib/pdf/signatures/find-signature-dictionaries";
import { asName, stringBytes } from "@/lib/pdf/signatures/pdf-syntax";
import { readCmsSignedData } from "@/lib/pdf/signatures/read-cms-signed-data";
import { parseTrustedRoots, verifyCertificateChain } from "@/lib/pdf/signatures/verify-certificate-chain";
import { addDocumentTimestamp } from "./add-document-timestamp";
import { addValidationData, vriKey, type TValidationData } from "./add-validation-data";
import type { TFetch } from "./fetch-der";
import { OID } from "./oids";
import { ensurePkijsEngine } from "./pkijs-engine";
import { readCertificateFields } from "./read-certificate-fields";
import { fetchRevocationData, type TRevocationData } from "./revocation/fetch-revocation-data";
import { SigningError } from "./signing-error";
import { readTimestampToken } from "./timestamp/read-timestamp-token";
import type { TTimestamp } from "./timestamp/request-timestamp";
import type { TTsaConfig } from "./timestamp/tsa-config";

export type TExtendToLongTermOptions = {
  tsa: TTsaConfig | null | undefined;
  // Roots for signers and TSAs alike.
  trustedRoots: Array<Buffer | string>;
  now: Date;
  fetch?: TFetch;
  timeoutMs?: number;
};

export type TLongTermResult = {
  pdf: Buffer;
  // The document timestamp just added (its genTime, its TSA).
  documentTimestamp: TTimestamp;
  // What went into the DSS.
  validationData: TValidationData;
};

type TSignatureChains = { key: string; chains: Buffer[][] };

// PAdES B-LT then B-LTA (ETSI EN 319 142-1 §6): reads every signature of the file (CMS signatures
// with their signature timestamps, and earlier document timestamps), takes each signer's and each
// TSA's chain up to the trusted root, fetches revocation data for every certificate below the
// root, writes all of it as a DSS (with a VRI entry per signature), and adds a document timestamp
// over the result. Refuses (SigningError) rather than write a file short of B-LTA: a signature
// that cannot be read, a revoked certificate, revocation data that cannot be fetched, a TSA down.
export async function extendToLongTerm(pdf: Buffer, options: TExtendToLongTermOptions): Promise<TLongTermResult> {
  ensurePkijsEngine();
  if (!options.tsa?.url) {
    throw new SigningError("TSA_NOT_CONFIGURED", "No se firmó: el servicio de sellado de tiempo (TSA) no está configurado. Avise a la administración del sistema.");
  }
  const roots = parseTrustedRoots(options.trustedRoots);
  const signatures = readSignatureChains(pdf, options.trustedRoots, roots, options.now);
  if (signatures.length === 0) throw new SigningError("MALFORMED_PDF", "El PDF no tiene firmas que extender.");

  // One fetch per distinct chain (same signer or same TSA in several signatures).
  const byLeaf = new Map<string, Promise<TRevocationData>>();
  const revocationFor = (chain: Buffer[]) => {
    const id = chain[0].toString("base64");
    let pending = byLeaf.get(id);
    if (!pending) {
      pending = fetchRevocationData(chain, { trustedRoots: options.trustedRoots, now: options.now, fetch: options.fetch, timeoutMs: options.timeoutMs }).catch(
        (error: unknown) => {
          // Here the revoked certificate is one that already signed (an earlier signer's, a TSA's):
          // the file cannot become long-term; it must be signed again.
          if (error instanceof SigningError && error.code === "CERTIFICATE_REVOKED") {
            throw new SigningError(
              "CERTIFICATE_REVOKED",
              `No se emitió: ${lowerFirst(error.message.replace(/ No se puede firmar con él\.$/, ""))} Devuelva la solicitud para que se firme con un certificado vigente.`,
              { cause: error },
            );
          }
          throw error;
        },
      );
      byLeaf.set(id, pending);
    }
    return pending;
  };

  const data: TValidationData = { certificates: [], ocspResponses: [], crls: [], vri: [] };
  const addUnique = (list: Buffer[], items: Buffer[]) => {
    for (const item of items) if (!list.some((x) => x.equals(item))) list.push(item);
  };
  for (const signature of signatures) {
    const entry = { key: signature.key, certificates: [] as Buffer[], ocspResponses: [] as Buffer[], crls: [] as Buffer[] };
    for (const chain of signature.chains) {
      const revocation = await revocationFor(chain);
      addUnique(entry.certificates, revocation.certificates);
      addUnique(entry.ocspResponses, revocation.ocspResponses);
      addUnique(entry.crls, revocation.crls);
    }
    addUnique(data.certificates, entry.certificates);
    addUnique(data.ocspResponses, entry.ocspResponses);
    addUnique(data.crls, entry.crls);
    data.vri!.push(entry);
  }

  const withDss = addValidationData(pdf, data);
  const stamped = await addDocumentTimestamp(withDss, {
    tsa: options.tsa,
    trustedRoots: options.trustedRoots,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    now: options.now,
  });
  return { pdf: stamped.pdf, documentTimestamp: stamped.timestamp, validationData: data };
}

// Every signature's VRI key and the chains (leaf first, up to the root) its validation needs:
// the signer's and its signature timestamps' TSAs for a CMS signature, the TSA's for a document
// timestamp.
function readSignatureChains(pdf: Buffer, trustedRoots: Array<Buffer | string>, roots: ReturnType<typeof parseTrustedRoots>, now: Date): TSignatureChains[] {
  const result: TSignatureChains[] = [];
  for (const { dict } of findSignatureDictionaries(pdf)) {
    const subFilter = asName(dict.entries.get("SubFilter"));
    const contentsValue = dict.entries.get("Contents");
    const contents = contentsValue ? stringBytes(contentsValue) : null;
    if (!contents) throw unreadable();
    const der = contents.subarray(0, derLength(contents));
    if (subFilter === "ETSI.RFC3161") {
      const token = readTimestampToken(der, { trustedRoots });
      result.push({ key: vriKey(der), chains: [[token.tsaCertificate, ...token.chain]] });
      continue;
    }
    let cms;
    try {
      cms = readCmsSignedData(der);
    } catch {
      throw unreadable();
    }
    const signerInfo = cms.signerInfos[0];
    const signer = signerInfo && "issuerAndSerial" in signerInfo.sid ? findCertificate(cms.certificates, signerInfo.sid.issuerAndSerial) : null;
    if (!signer) throw unreadable();
    const path = verifyCertificateChain(signer, cms.certificates, roots, now);
    if (!path.trusted) throw new SigningError("REVOCATION_UNAVAILABLE", "No se firmó: una de las firmas del documento no proviene de una raíz de confianza.");
    const chains = [path.path];
    for (const token of signatureTimestampTokens(der)) {
      const read = readTimestampToken(token, { trustedRoots });
      chains.push([read.tsaCertificate, ...read.chain]);
    }
    result.push({ key: vriKey(contents), chains });
  }
  return result;
}

// The signature-time-stamp-token attributes of the (first) SignerInfo, read with pkijs.
export function signatureTimestampTokens(cms: Buffer): Buffer[] {
  const parsed = asn1js.fromBER(new Uint8Array(cms));
  if (parsed.offset === -1) return [];
  const signedData = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: parsed.result }).content });
  const attributes = signedData.signerInfos[0]?.unsignedAttrs?.attributes ?? [];
  return attributes.filter((a) => a.type === OID.signatureTimeStampToken).flatMap((a) => a.values.map((v) => Buffer.from(v.toBER(false))));
}

function findCertificate(certificates: Buffer[], sid: { issuer: Buffer; serial: Buffer }): Buffer | null {
  for (const der of certificates) {
    try {
      const fields = readCertificateFields(der);
      if (fields.issuerDer.equals(sid.issuer) && fields.serialDer.equals(sid.serial)) return der;
    } catch {
      // Not the signer's.
    }
  }
  return null;
}

// Length of the DER value at the start of `bytes` (a /Contents string is zero-padded after it).
function derLength(bytes: Buffer): number {
  if (bytes.length < 2) return bytes.length;
  const first = bytes[1];
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i];
  return Math.min(bytes.length, 2 + count + length);
}

const unreadable = () => new SigningError("MALFORMED_PDF", "No se pudo leer una de las firmas del documento para agregar su información de validación.");

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
