import "server-only";
import { resolveSignerChangeDeps, type TSignerChangeOptions } from "./signer-change-options";

// The Director's DIDEDUC as the signers page needs it: its name and its type (which posts sign).
export async function findSignerDideduc(dideducId: string, options: TSignerChangeOptions = {}) {
  const { db } = await resolveSignerChangeDeps(options);
  return db.dideduc.findUniqueOrThrow({ where: { id: dideducId }, select: { name: true, type: true } });
}
