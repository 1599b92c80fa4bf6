import { notFoundResponse, pdfResponse, wantsDownload } from "@/app/api/cases/pdf-response";
import { respondSafely, signedOutResponse } from "@/app/api/cases/respond-safely";
import { getActor } from "@/lib/auth/get-actor";
import { previewCertification } from "@/lib/cases/preview-certification";

// "Vista previa de la certificación": the sheet and scans as they would go to signature, built on
// the fly for the reviewer (nothing stored, no state change). Out of scope or unknown → 404.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return respondSafely("api.cases.preview", async () => {
    const actor = await getActor();
    if (!actor) return signedOutResponse();
    const { id } = await params;
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return notFoundResponse();
    const pdf = await previewCertification({ actor, caseId: id });
    return pdfResponse(pdf, { fileName: "vista-previa-certificacion.pdf", download: wantsDownload(request.url) });
  });
}
