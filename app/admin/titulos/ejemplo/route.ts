import { readFile } from "node:fs/promises";
import path from "node:path";
import { getActor } from "@/lib/auth/get-actor";
import { actorHasAnyRole } from "@/lib/auth/session-user";

// The sample CSV documented on the import page (docs/samples), read at run time from the project root.
export async function GET(): Promise<Response> {
  const actor = await getActor();
  if (!actor || !actorHasAnyRole(actor, ["ADMIN"])) return new Response("No encontrado.", { status: 404 });
  try {
    const bytes = await readFile(path.resolve(/*turbopackIgnore: true*/ process.cwd(), "docs/samples/registro-titulos-ejemplo.csv"));
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="registro-titulos-ejemplo.csv"',
        "Cache-Control": "private, no-store",
      },
    });
  } catch {
    return new Response("El archivo de ejemplo no está disponible en esta instalación.", { status: 404 });
  }
}
