import { notFoundResponse, pdfResponse, wantsDownload } from "@/app/api/cases/pdf-response";
import { respondSafely, signedOutResponse } from "@/app/api/cases/respond-safely";
import { getActor } from "@/lib/auth/get-actor";
import { getUploadedFileForActor } from "@/lib/cases/get-uploaded-file-for-actor";

// An uploaded scan, for whoever may see its case: the applicant, staff of the case's DIDEDUC, the
// central office. Anything else (unknown id, another DIDEDUC's case) is a 404, so ids cannot be probed.
export async function GET(request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  return respondSafely("api.files", async () => {
    const actor = await getActor();
    if (!actor) return signedOutResponse();
    const { fileId } = await params;
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(fileId)) return notFoundResponse();
    const found = await getUploadedFileForActor({ actor, fileId });
    if (!found) return notFoundResponse();
    return pdfResponse(found.bytes, {
      fileName: found.file.originalName,
      download: wantsDownload(request.url),
      sha256: found.file.sha256,
    });
  });
}
