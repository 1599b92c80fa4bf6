import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { UTApi, UTFile } from "uploadthing/server";
import {
  assertStorageKey,
  FileNotFoundError,
  type FileStorage,
  type TFileStorageInput,
  type TListedFile,
  type TStoredFile,
} from "./file-storage";
import { verifyStoredBytes, verifyStoredStream } from "./verify-stored-content";

export type TUploadThingStorageOptions = {
  // Defaults to UPLOADTHING_TOKEN, which the SDK reads lazily: constructing makes no request.
  token?: string;
  fetch?: typeof globalThis.fetch;
  // How long a signed read URL lives; reads happen right after signing.
  signedUrlTtlSeconds?: number;
};

// UploadThing as the content-addressed store: every file is uploaded with customId = its
// SHA-256 and read back through a signed ufs.sh URL for that customId, so keys are the same
// as on local disk and reads work for public and private ACLs alike.
export class UploadThingStorage implements FileStorage {
  readonly name = "uploadthing" as const;
  readonly api: UTApi;
  private readonly fetchFn: typeof globalThis.fetch;
  private readonly ttl: number;

  constructor(options: TUploadThingStorageOptions = {}) {
    this.fetchFn = options.fetch ?? globalThis.fetch;
    this.ttl = options.signedUrlTtlSeconds ?? 300;
    this.api = new UTApi({
      token: options.token ?? process.env.UPLOADTHING_TOKEN,
      fetch: this.fetchFn,
      defaultKeyType: "customId",
      logLevel: "Error",
    });
  }

  // Signing is local (HMAC with the token's key), no API round trip.
  async signedUrl(key: string): Promise<string> {
    assertStorageKey(key);
    const { ufsUrl } = await this.api.generateSignedURL(key, { expiresIn: this.ttl });
    return ufsUrl;
  }

  async put(input: TFileStorageInput): Promise<TStoredFile> {
    // The SDK uploads Blobs, so the bytes are gathered first; callers bound their size
    // (uploads are checked against the 20 MB limit before they get here).
    const bytes = input instanceof Uint8Array ? Buffer.from(input) : await collect(input);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const stored = { key: sha256, sha256, size: bytes.byteLength };
    if (await this.exists(sha256)) return stored;

    const type = bytes.subarray(0, 5).toString("latin1") === "%PDF-" ? "application/pdf" : "application/octet-stream";
    const file = new UTFile([new Uint8Array(bytes)], type === "application/pdf" ? `${sha256}.pdf` : sha256, { type, customId: sha256 });
    const result = await this.api.uploadFiles(file, { contentDisposition: "inline" });
    if (result.error) {
      // A concurrent put of the same bytes may have claimed the customId first: that is success.
      if (await this.exists(sha256)) return stored;
      throw new Error(`UploadThing rechazó el archivo ${sha256}: ${result.error.code} ${result.error.message}`);
    }
    return stored;
  }

  async get(key: string): Promise<Buffer> {
    const response = await this.fetchFile(key, "GET");
    const bytes = Buffer.from(await response.arrayBuffer());
    return verifyStoredBytes(key, bytes);
  }

  async getStream(key: string): Promise<Readable> {
    const response = await this.fetchFile(key, "GET");
    if (!response.body) throw new FileNotFoundError(key);
    return verifyStoredStream(key, Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>));
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    const result = await this.api.deleteFiles(key, { keyType: "customId" });
    if (!result.success) throw new Error(`UploadThing no borró el archivo ${key}`);
  }

  // The app's files on UploadThing, through the SDK's listFiles (pages of 500): ours carry
  // customId = SHA-256; anything else (uploaded by hand, or still uploading) is not listed.
  async *list(): AsyncIterable<TListedFile> {
    for (let offset = 0; ; ) {
      const page = await this.api.listFiles({ limit: 500, offset });
      for (const f of page.files) {
        if (f.status !== "Uploaded" || !f.customId || !/^[0-9a-f]{64}$/.test(f.customId)) continue;
        yield { key: f.customId, size: f.size, storedAt: new Date(f.uploadedAt) };
      }
      if (!page.hasMore || page.files.length === 0) return;
      offset += page.files.length;
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      const response = await this.fetchFile(key, "HEAD");
      await response.body?.cancel();
      return true;
    } catch (e) {
      if (e instanceof FileNotFoundError) return false;
      throw e;
    }
  }

  private async fetchFile(key: string, method: "GET" | "HEAD"): Promise<Response> {
    const url = await this.signedUrl(key);
    const response = await this.fetchFn(url, { method, redirect: "follow" });
    if (response.status === 404) throw new FileNotFoundError(key);
    if (!response.ok) throw new Error(`UploadThing respondió ${response.status} al leer ${key}`);
    return response;
  }
}

async function collect(input: Readable | AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
