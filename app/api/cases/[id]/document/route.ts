import { DocumentStage } from "@/lib/generated/prisma/enums";
import { notFoundResponse, pdfResponse, wantsDownload } from "@/app/api/cases/pdf-response";
import { respondSafely, signedOutResponse } from "@/app/api/cases/respond-safely";
import { getActor } from "@/lib/auth/get-actor";
import { readCaseDocument } from "@/lib/cases/read-case-document";

const STAGES = Object.values(DocumentStage) as string[];

// The case's certification PDF: the latest version, or ?stage=UNSIGNED|DIDEDUC_SIGNED|ISSUED.
// Staff in scope see every stage; the applicant only the issued file ("Descargar PDF firmado").
// The domain decides who may read what; anything it refuses is a 404.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return respondSafely("api.cases.document", async () => {
    const actor = await getActor();
    if (!actor) return signedOutResponse();
    const { id } = await params;
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return notFoundResponse();
    const stageParam = new URL(request.url).searchParams.get("stage");
    if (stageParam !== null && !STAGES.includes(stageParam)) return notFoundResponse();
    const doc = await readCaseDocument({ actor, caseId: id, stage: (stageParam as DocumentStage | null) ?? undefined });
    if (!doc) return notFoundResponse();
    return pdfResponse(doc.bytes, { fileName: doc.fileName, download: wantsDownload(request.url), sha256: doc.sha256 });
  });
}
