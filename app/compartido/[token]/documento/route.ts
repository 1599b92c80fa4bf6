import { checkRateLimit } from "@/lib/http/rate-limit";
import { SHARE_TEXTS } from "@/lib/i18n/texts/share";
import { clientIpFromHeaders, requestIdFromHeaders } from "@/lib/request-context";
import { readSharedDocument } from "@/lib/sharing/read-shared-document";
import { recordVerificationEvent } from "@/lib/verification/record-verification-event";

// The issued PDF through a holder's share link (issue #11: there is no public download by code).
// Served only while the link works and the certification is ISSUED and not revoked: 404 for a
// link that never existed (or a forged token), 410 for one that expired, was withdrawn, or whose
// certification was revoked. Rate-limited per client; every download is in the holder's log.
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ip = clientIpFromHeaders(req.headers);
  const limit = await checkRateLimit("download", ip);
  if (!limit.allowed) {
    return text(429, `${SHARE_TEXTS.es.downloadTooMany}\n${SHARE_TEXTS.en.downloadTooMany}\n`, { "Retry-After": String(limit.retryAfterSeconds) });
  }
  const shared = await readSharedDocument(token);
  if (!shared.ok) {
    return shared.reason === "unknown"
      ? text(404, `${SHARE_TEXTS.es.downloadNotFound}\n${SHARE_TEXTS.en.downloadNotFound}\n`)
      : text(410, `${SHARE_TEXTS.es.downloadGone}\n${SHARE_TEXTS.en.downloadGone}\n`);
  }
  // Only an upstream id that looks like one (as every other request's): never raw header text in the log.
  const requestId = requestIdFromHeaders(req.headers);
  await recordVerificationEvent({ caseId: shared.link.caseId, channel: "SHARE_DOWNLOAD", shareLinkId: shared.link.id, ip, requestId });
  const { bytes, fileName } = shared.document;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...headers },
  });
}
