import { buildSignatureUpdate } from "./build-signature-update";
import { fillByteRange } from "./fill-byte-range";
import type { TFetch } from "./fetch-der";
import { SigningError } from "./signing-error";
import { TIMESTAMP_TOKEN_RESERVE_BYTES } from "./sign-pdf";
import { requestTimestampForDigest, type TTimestamp } from "./timestamp/request-timestamp";
import type { TTsaConfig } from "./timestamp/tsa-config";

export type TAddDocumentTimestampOptions = {
  tsa: TTsaConfig | null | undefined;
  trustedRoots: Array<Buffer | string>;
  fetch?: TFetch;
  timeoutMs?: number;
  // Written as /M, the claimed time; the token's genTime is the trusted one.
  now?: Date;
};

// Adds a document timestamp (PAdES B-LTA; ISO 32000-2 §12.8.5) as an incremental update: a
// /DocTimeStamp field whose /Contents is an RFC 3161 token (SubFilter ETSI.RFC3161) over the
// byte ranges, which cover the whole file but the token itself — every signature and the DSS
// before it. Invisible widget. Sized like a signature timestamp, with one resized retry.
export async function addDocumentTimestamp(pdf: Buffer, options: TAddDocumentTimestampOptions): Promise<{ pdf: Buffer; timestamp: TTimestamp }> {
  let reserve = TIMESTAMP_TOKEN_RESERVE_BYTES;
  for (let attempt = 0; ; attempt++) {
    const placed = fillByteRange(
      pdf,
      buildSignatureUpdate(pdf, {
        kind: "DocTimeStamp",
        subFilter: "ETSI.RFC3161",
        contentsLength: reserve,
        // Not written for a document timestamp: the token names the TSA.
        reason: "",
        location: "",
        name: "",
        signingTime: options.now ?? new Date(),
      }),
    );
    const timestamp = await requestTimestampForDigest(placed.contentDigest, options);
    if (placed.writeContents(timestamp.token)) return { pdf: placed.out, timestamp };
    if (attempt > 0) throw new SigningError("SIGNATURE_TOO_LARGE", "El sello de tiempo del documento no cabe en el espacio reservado en el PDF.");
    reserve = timestamp.token.length + 1024;
  }
}
