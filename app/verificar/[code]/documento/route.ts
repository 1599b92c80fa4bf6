import { createHash } from "node:crypto";
import { findVerification } from "@/lib/cases/find-verification";
import { db } from "@/lib/db";
import { getStorage } from "@/lib/storage/get-storage";
import { verificationCodeFromParam } from "@/lib/verification/normalize-verification-code";

// Public by code: only the ISSUED file (the one the verification page shows the SHA-256 of),
// never a draft or a partly signed stage.
export async function GET(_req: Request, { params }: { params: Promise<{ code: string }> }) {
  const code = verificationCodeFromParam((await params).code);
  const v = code ? await findVerification(code) : null;
  if (!v || !v.sha256 || (v.status !== "ISSUED" && v.status !== "REVOKED")) {
    return new Response("Documento no encontrado", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const doc = await db.documentVersion.findFirst({ where: { sha256: v.sha256, stage: "ISSUED", case: { verificationCode: v.code } } });
  if (!doc) return new Response("Documento no encontrado", { status: 404 });
  const bytes = await getStorage().get(doc.storageKey);
  if (createHash("sha256").update(bytes).digest("hex") !== doc.sha256) throw new Error(`Documento ${doc.id}: el archivo guardado no corresponde a su SHA-256`);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="certificacion-${v.caseNumber}-firmado.pdf"`,
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
