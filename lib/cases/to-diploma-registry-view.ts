import "server-only";
import type { TDiplomaRecord } from "@/lib/registry/find-diploma-by-number";
import type { TDiplomaRegistryView } from "./forms/diploma-from-2005-form";

// What the D.2.2 form and the case views show of a registry record (no internal ids).
export function toDiplomaRegistryView(record: TDiplomaRecord): TDiplomaRegistryView {
  return {
    registrationNumber: record.registrationNumber,
    holderName: record.holderName,
    degree: record.degree,
    school: record.school,
    year: record.year,
    dideducName: record.dideduc?.name ?? null,
  };
}
