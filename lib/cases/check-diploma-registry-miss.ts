import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TFieldErrors } from "@/lib/errors";
import { readDiplomaRecordForHolder } from "@/lib/registry/find-diploma-by-number";
import { holderProofOf } from "@/lib/registry/match-diploma-holder";
import { FIRST_REGISTERED_SCHOOL_YEAR } from "./forms/diploma-before-2005-form";
import { REGISTRY_MISS_NOW_FOUND, registryMissNumber } from "./forms/diploma-registry-miss";

// D.2.1's submission, for a request started from D.2.2 on a registry miss: the number must still be
// absent from the title registry for the graduate's CUI or birth date typed (read inside the
// submission's transaction; someone else's title with that number is not revealed). Registered
// since, the title belongs to D.2.2, whose central review compares it with the registry. Only a
// school title from 2005 on needs the miss; any other title is D.2.1's anyway.
export async function checkDiplomaRegistryMiss(tx: Prisma.TransactionClient, caseRow: { formData: unknown }): Promise<TFieldErrors> {
  const number = registryMissNumber(caseRow.formData);
  const form = (typeof caseRow.formData === "object" && caseRow.formData !== null ? caseRow.formData : {}) as { modality?: unknown; title?: { graduationYear?: unknown } };
  const year = typeof form.title === "object" && form.title !== null ? form.title.graduationYear : undefined;
  const schoolFrom2005 = form.modality === "ESCOLAR" && typeof year === "number" && year >= FIRST_REGISTERED_SCHOOL_YEAR;
  if (!number || !schoolFrom2005) return {};
  const record = await readDiplomaRecordForHolder(tx, number, holderProofOf((form as { student?: unknown }).student));
  return record ? { registryMiss: [REGISTRY_MISS_NOW_FOUND(number)] } : {};
}
