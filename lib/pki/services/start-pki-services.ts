import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { log } from "../../log";
import { createSerialQueue } from "./create-serial-queue";
import { getFreshCrl } from "./get-fresh-crl";
import { replyOcsp } from "./reply-ocsp";
import { replyTimestamp } from "./reply-timestamp";
import { createOpensslRunner } from "./run-openssl";
import { PkiServiceError, pkiServiceUrls, type TPkiServices } from "./types";

export type TStartPkiServicesOptions = {
  pkiDir: string;
  host?: string;
  // 0 (the default) = any free port.
  port?: number;
  // Unexpected failures (500s); default: a log line.
  onError?: (error: unknown) => void;
};

// Requests are a few hundred bytes; anything this big is not one.
const MAX_BODY = 64 * 1024;

// A too-large body is read to its end (and dropped) before the 413, so the client gets the answer
// rather than a reset connection; past DISCARD_LIMIT the connection is cut.
const DISCARD_LIMIT = 16 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) parts.push(c);
      else if (size > DISCARD_LIMIT) req.destroy();
    });
    req.on("end", () => (size > MAX_BODY ? reject(new PkiServiceError(413, "Request too large")) : resolve(Buffer.concat(parts))));
    req.on("error", reject);
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: Buffer | string) {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body), "cache-control": "no-store" });
  res.end(body);
}

// The demo/test PKI's services on loopback, in the shape of a real CA's: an RFC 3161 TSA
// (`POST /tsa`), an OCSP responder (`POST /ocsp`, and RFC 6960's `GET /ocsp/<base64>`) and the
// CA's CRL (`GET /crl/root.crl`), each backed by the OpenSSL CLI over the files of `pkiDir` (see
// types.ts: pki-services.json, read on every request). Never for production: there TSA_URL names
// an accredited TSA and the CA publishes its own revocation data.
export async function startPkiServices(options: TStartPkiServicesOptions): Promise<TPkiServices> {
  const pkiDir = path.resolve(options.pkiDir);
  const host = options.host ?? "127.0.0.1";
  const openssl = createOpensslRunner();
  const serialize = createSerialQueue();
  const onError = options.onError ?? ((e: unknown) => log.error("demo PKI service failed", { error: e }));

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (error instanceof PkiServiceError) send(res, error.status, "text/plain; charset=utf-8", `${error.message}\n`);
      else {
        onError(error);
        send(res, 500, "text/plain; charset=utf-8", "Internal error\n");
      }
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = url.pathname;
    if (route === "/tsa") {
      if (req.method !== "POST") throw new PkiServiceError(405, "POST a timestamp query");
      const reply = await replyTimestamp(pkiDir, await readBody(req), openssl, serialize);
      send(res, 200, "application/timestamp-reply", reply);
    } else if (route === "/ocsp" || route.startsWith("/ocsp/")) {
      let request: Buffer;
      if (req.method === "POST" && route === "/ocsp") request = await readBody(req);
      else if (req.method === "GET" && route.startsWith("/ocsp/")) {
        // RFC 6960 A.1: GET {url}/{url-encoding of base-64 encoding of the DER OCSPRequest}.
        let encoded = "";
        try {
          encoded = decodeURIComponent(route.slice("/ocsp/".length));
        } catch {
          // Not URL-encoded text: refused below.
        }
        if (!/^[A-Za-z0-9+/=_-]+$/.test(encoded)) throw new PkiServiceError(400, "Not a base64 OCSP request");
        request = Buffer.from(encoded, "base64");
      } else throw new PkiServiceError(405, "POST an OCSP request");
      send(res, 200, "application/ocsp-response", await replyOcsp(pkiDir, request, openssl));
    } else if (route === "/crl/root.crl") {
      if (req.method !== "GET" && req.method !== "HEAD") throw new PkiServiceError(405, "GET the CRL");
      const crl = await getFreshCrl(pkiDir, openssl, serialize);
      send(res, 200, "application/pkix-crl", req.method === "HEAD" ? Buffer.alloc(0) : crl);
    } else throw new PkiServiceError(404, "Not found");
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const baseUrl = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    baseUrl,
    ...pkiServiceUrls(baseUrl),
    close() {
      closing ??= new Promise<void>((resolve) => {
        openssl.killAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
