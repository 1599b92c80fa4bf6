export type TFetch = typeof fetch;

export type TFetchDerOptions = {
  // POST when a body is given, GET otherwise.
  body?: Buffer;
  contentType?: string;
  accept?: string;
  basicAuth?: { username: string; password: string };
  // Bound on the whole exchange: a service that hangs must not hold a signing open.
  timeoutMs?: number;
  maxBytes?: number;
  fetch?: TFetch;
};

export class FetchDerError extends Error {
  constructor(
    readonly problem: "UNREACHABLE" | "HTTP_STATUS" | "TOO_LARGE",
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "FetchDerError";
  }
}

export const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

// One HTTP exchange with a PKI service (TSA, OCSP responder, CRL distribution point) that answers
// with DER bytes. Network errors, timeouts, non-2xx statuses and oversized answers become
// FetchDerError; the caller decides what each means for the signing.
export async function fetchDer(url: string, options: TFetchDerOptions = {}): Promise<Buffer> {
  const headers: Record<string, string> = {};
  if (options.contentType) headers["content-type"] = options.contentType;
  if (options.accept) headers.accept = options.accept;
  if (options.basicAuth) {
    headers.authorization = `Basic ${Buffer.from(`${options.basicAuth.username}:${options.basicAuth.password}`, "utf8").toString("base64")}`;
  }
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url, {
      method: options.body ? "POST" : "GET",
      headers,
      body: options.body ? new Uint8Array(options.body) : undefined,
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      redirect: "follow",
    });
  } catch (cause) {
    throw new FetchDerError("UNREACHABLE", `${url}: ${(cause as Error)?.message ?? "sin respuesta"}`, undefined, { cause });
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new FetchDerError("HTTP_STATUS", `${url}: HTTP ${response.status}`, response.status);
  }
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new FetchDerError("TOO_LARGE", `${url}: respuesta de ${declared} bytes`);
  }
  let body: Buffer;
  try {
    body = Buffer.from(await response.arrayBuffer());
  } catch (cause) {
    throw new FetchDerError("UNREACHABLE", `${url}: la respuesta se interrumpió`, undefined, { cause });
  }
  if (body.length > maxBytes) throw new FetchDerError("TOO_LARGE", `${url}: respuesta de ${body.length} bytes`);
  return body;
}
