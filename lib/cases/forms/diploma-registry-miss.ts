import { z } from "zod";
import { normalizeDiplomaNumber } from "@/lib/registry/diploma-number";

// Client-safe. A D.2.1 request started from D.2.2 because the title's registration number was not
// in the Ministry's title registry (procedure D.2.2, activity 2, Nota: "si al colocar el número de
// registro no despliega la información, el usuario deberá de realizar el trámite como inferior al
// 2005"). Such a request may be a school title from 2005 on; the submission re-checks that the
// number is still absent from the registry (lib/cases/check-diploma-registry-miss.ts).

export const ZDiplomaRegistryMissDraft = z
  .object({ registrationNumber: z.string().max(20) })
  .optional()
  .catch(undefined);
export type TDiplomaRegistryMiss = NonNullable<z.infer<typeof ZDiplomaRegistryMissDraft>>;

// The canonical number that was not found, when the form carries one.
export function registryMissNumber(form: unknown): string | null {
  const f = (typeof form === "object" && form !== null ? form : {}) as { registryMiss?: { registrationNumber?: unknown } };
  const typed = typeof f.registryMiss === "object" && f.registryMiss !== null ? f.registryMiss.registrationNumber : undefined;
  return typeof typed === "string" ? normalizeDiplomaNumber(typed) : null;
}

export const REGISTRY_MISS_NOTE = (number: string) =>
  `Esta solicitud viene del trámite de títulos de 2005 en adelante: el número de registro ${number} no está en el registro de títulos del Ministerio de Educación, por eso la revisa la Dirección Departamental de Educación.`;

export const REGISTRY_MISS_NOW_FOUND = (number: string) =>
  `El número de registro ${number} ya está en el registro de títulos: solicite la certificación en el trámite «Título de diversificado escolar de 2005 en adelante».`;
