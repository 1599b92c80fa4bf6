import { getActor } from "@/lib/auth/get-actor";
import { handleUploadRequest } from "@/lib/uploads/handle-upload-request";

// POST the raw PDF as the body with headers x-file-name (URI-encoded), x-file-kind and optional
// x-case-id. The body is streamed to disk, never read whole into memory. This path must stay out
// of the proxy's matcher: a matched request has its body cut at 10 MB (see stack notes).
export async function POST(request: Request): Promise<Response> {
  const actor = await getActor();
  return handleUploadRequest(request, actor);
}
