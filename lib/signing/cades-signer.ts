import { createHash } from "node:crypto";
// Signer comes through @signpdf/signpdf (which re-exports @signpdf/utils' class) so that
// SignPdf's `instanceof Signer` check sees the very class this one extends, however a bundler
// splits the packages.
import { Signer } from "@signpdf/signpdf";
import { buildCadesSignedData, type TBuildCadesSignedDataInput } from "./build-cades-signed-data";
import type { DocumentSigner, TSignerCertificates } from "./signer";

// The @signpdf side of a signature: SignPdf hands over the signed byte ranges (the file without
// its /Contents placeholder) and gets back the CMS to write there. The CMS is our CAdES-detached
// SignedData (build-cades-signed-data.ts), not @signpdf/signer-p12's: forge re-encodes issuer
// names with non-ASCII characters wrongly, so those signatures do not verify. signPdf, which
// hashes the ranges where they lie, asks for the same CMS by digest (`signDigest`).
export class CadesSigner extends Signer {
  readonly #signer: DocumentSigner;
  readonly #certificates: TSignerCertificates | undefined;
  readonly #unsignedAttributes: TBuildCadesSignedDataInput["unsignedAttributes"];

  constructor(signer: DocumentSigner, certificates?: TSignerCertificates, options: { unsignedAttributes?: TBuildCadesSignedDataInput["unsignedAttributes"] } = {}) {
    super();
    this.#signer = signer;
    this.#certificates = certificates;
    this.#unsignedAttributes = options.unsignedAttributes;
  }

  // `signingTime` is not put in the CMS: PAdES carries the claimed time in the signature
  // dictionary's /M, and a CAdES signing-time attribute would have to agree with it.
  override async sign(pdfBuffer: Buffer, _signingTime?: Date): Promise<Buffer> {
    return this.signDigest(createHash("sha256").update(pdfBuffer).digest());
  }

  // The CMS for content whose SHA-256 is `contentDigest`.
  async signDigest(contentDigest: Buffer): Promise<Buffer> {
    return buildCadesSignedData({ contentDigest, signer: this.#signer, certificates: this.#certificates, unsignedAttributes: this.#unsignedAttributes });
  }
}
