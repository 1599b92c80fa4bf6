import { getActor } from "@/lib/auth/get-actor";
import { handleDiplomaImportRequest } from "@/lib/registry/handle-diploma-import-request";

// POST the raw CSV as the body, its name URI-encoded in x-file-name. The "subir" segment keeps
// this path out of the proxy's matcher (which would cut the body at 10 MB): the handler checks
// the session and the ADMIN role itself.
export async function POST(request: Request): Promise<Response> {
  const actor = await getActor();
  return handleDiplomaImportRequest(request, actor);
}
