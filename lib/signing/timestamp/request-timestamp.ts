import { createHash, randomBytes } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { FetchDerError, fetchDer, type TFetch } from "../fetch-der";
import { OID } from "../oids";
import { ensurePkijsEngine } from "../pkijs-engine";
import { SigningError } from "../signing-error";
import { readTimestampToken, type TTimestampToken } from "./read-timestamp-token";
import type { TTsaConfig } from "./tsa-config";

export type { TTsaConfig } from "./tsa-config";

export type TTimestamp = {
  // DER ContentInfo(SignedData): the TimeStampToken, as embedded in the PDF.
  token: Buffer;
  genTime: Date;
  tsaName: string;
  tsaCertificate: Buffer;
  // The TSA certificate's issuers, nearest first, up to the trusted root.
  chain: Buffer[];
};

export type TRequestTimestampOptions = {
  tsa: TTsaConfig | null | undefined;
  // Roots the TSA's certificate must chain to (the same roots as the signers').
  trustedRoots: Array<Buffer | string>;
  // Kept for the contract; the token's own genTime is what its checks use.
  now?: Date;
  fetch?: TFetch;
  timeoutMs?: number;
};

// PKIStatus (RFC 3161 §2.4.2): granted, grantedWithMods.
const GRANTED = new Set([0, 1]);

// An RFC 3161 timestamp over `data` (SHA-256 imprint), checked before anyone embeds it.
export async function requestTimestamp(data: Buffer, options: TRequestTimestampOptions): Promise<TTimestamp> {
  return requestTimestampForDigest(createHash("sha256").update(data).digest(), options);
}

// The same, for data the caller already hashed with SHA-256 (a PDF's byte ranges, hashed where
// they lie instead of copied together).
export async function requestTimestampForDigest(digest: Buffer, options: TRequestTimestampOptions): Promise<TTimestamp> {
  ensurePkijsEngine();
  const tsa = options.tsa;
  if (!tsa?.url) {
    throw new SigningError(
      "TSA_NOT_CONFIGURED",
      "No se firmó: el servicio de sellado de tiempo (TSA) no está configurado, y sin él la firma no sería verificable a largo plazo. Avise a la administración del sistema.",
    );
  }
  if (digest.length !== 32) throw new SigningError("TSA_INVALID", "El resumen a sellar debe ser SHA-256.");

  // 64-bit positive nonce (RFC 3161 §2.4.1): the answer must repeat it, so it cannot be a replay.
  const nonceBytes = randomBytes(8);
  nonceBytes[0] = (nonceBytes[0] & 0x7f) | 0x01;
  const nonce = BigInt(`0x${nonceBytes.toString("hex")}`);
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(digest) }),
    }),
    nonce: new asn1js.Integer({ valueHex: new Uint8Array(nonceBytes) }),
    // The TSA's certificate must travel in the token: the PDF is validated without the TSA.
    certReq: true,
  });
  const body = Buffer.from(request.toSchema().toBER(false));

  let answer: Buffer;
  try {
    answer = await fetchDer(tsa.url, {
      body,
      contentType: "application/timestamp-query",
      accept: "application/timestamp-reply",
      basicAuth: tsa.username ? { username: tsa.username, password: tsa.password ?? "" } : undefined,
      timeoutMs: options.timeoutMs,
      maxBytes: 1024 * 1024,
      fetch: options.fetch,
    });
  } catch (error) {
    if (error instanceof FetchDerError && error.problem === "HTTP_STATUS" && (error.status === 401 || error.status === 403)) {
      throw new SigningError("TSA_REFUSED", "No se firmó: el servicio de sellado de tiempo rechazó las credenciales configuradas. Avise a la administración del sistema.", { cause: error });
    }
    throw new SigningError(
      "TSA_UNAVAILABLE",
      "No se firmó: el servicio de sellado de tiempo no responde. La solicitud quedó como estaba; intente de nuevo en unos minutos.",
      { cause: error },
    );
  }

  let response: pkijs.TimeStampResp;
  try {
    response = pkijs.TimeStampResp.fromBER(new Uint8Array(answer));
  } catch {
    throw new SigningError("TSA_INVALID", "No se firmó: la respuesta del servicio de sellado de tiempo no es válida.");
  }
  const status = response.status.status;
  if (!GRANTED.has(status) || !response.timeStampToken) {
    const text = response.status.statusStrings?.map((s) => s.valueBlock.value).join(" ") ?? "";
    throw new SigningError("TSA_REFUSED", `No se firmó: el servicio de sellado de tiempo rechazó la solicitud (estado ${status}${text ? `: ${text}` : ""}).`);
  }

  const token = Buffer.from(response.timeStampToken.toSchema().toBER(false));
  let read: TTimestampToken;
  try {
    read = readTimestampToken(token, { trustedRoots: options.trustedRoots });
  } catch (error) {
    if (error instanceof SigningError) throw new SigningError(error.code, `No se firmó: ${lowerFirst(error.message)}`, { cause: error });
    throw error;
  }
  if (read.nonce !== nonce) throw new SigningError("TSA_INVALID", "No se firmó: el sello de tiempo recibido no responde a esta solicitud (nonce distinto).");
  if (read.imprint.algorithm !== OID.sha256 || !read.imprint.digest.equals(digest)) {
    throw new SigningError("TSA_INVALID", "No se firmó: el sello de tiempo recibido no corresponde a esta firma (resumen distinto).");
  }
  return { token, genTime: read.genTime, tsaName: read.tsaName, tsaCertificate: read.tsaCertificate, chain: read.chain };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

