import "server-only";
import { resolveSignerChangeDeps, type TSignerChangeOptions } from "./signer-change-options";

// For Atención al Ciudadano's home: how many DIDEDUC notices of signers wait for review.
export async function countPendingSignerChanges(options: TSignerChangeOptions = {}): Promise<number> {
  const { db } = await resolveSignerChangeDeps(options);
  return db.signerChangeRequest.count({ where: { status: "PENDING" } });
}
