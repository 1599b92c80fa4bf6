import "server-only";
import { normalizeDiplomaNumber } from "./diploma-number";
import { resolveRegistryDeps, type TRegistryOptions } from "./registry-options";

export type TDiplomaRecord = {
  id: string;
  registrationNumber: string;
  holderName: string;
  degree: string;
  school: string;
  year: number;
  dideduc: { id: string; code: string; name: string } | null;
  // Titles signed by a regional director or a minister follow ATE-INS-04, not D.2.2. The
  // DiplomaRegistry model has no column saying who signed a title yet, so this is null ("the
  // registry does not say") until it has one; the D.2.2 form must stop when it is set.
  otherProcedure: { code: "ATE-INS-04"; message: string } | null;
};

export const OTHER_PROCEDURE_MESSAGE =
  "Este título fue firmado por un Director Regional o por el Ministro de Educación: su certificación sigue otro procedimiento (ATE-INS-04) y no puede solicitarse aquí.";

// D.2.2's lookup: what the citizen typed from the title's top right (spaces, dashes and case
// do not matter) → the registry record, or null when the number is malformed or not registered.
export async function findDiplomaByNumber(input: string, options: TRegistryOptions = {}): Promise<TDiplomaRecord | null> {
  const number = normalizeDiplomaNumber(input);
  if (!number) return null;
  const { db } = await resolveRegistryDeps(options);
  const row = await db.diplomaRegistry.findUnique({
    where: { registrationNumber: number },
    include: { dideduc: { select: { id: true, code: true, name: true } } },
  });
  if (!row) return null;
  return {
    id: row.id,
    registrationNumber: row.registrationNumber,
    holderName: row.holderName,
    degree: row.degree,
    school: row.school,
    year: row.year,
    dideduc: row.dideduc,
    otherProcedure: null,
  };
}
