import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { DiplomaSignatory } from "@/lib/generated/prisma/enums";
import { normalizeDiplomaNumber } from "./diploma-number";
import { OTHER_PROCEDURE_CODE, otherProcedureMessage } from "./diploma-signatory";
import { matchesDiplomaHolder, type TDiplomaHolderProof } from "./match-diploma-holder";
import { resolveRegistryDeps, type TRegistryOptions } from "./registry-options";

export type TDiplomaRecord = {
  id: string;
  registrationNumber: string;
  holderName: string;
  degree: string;
  school: string;
  year: number;
  dideduc: { id: string; code: string; name: string } | null;
  signedBy: DiplomaSignatory;
  // Titles signed by a regional director or a minister follow ATE-INS-04, not D.2.2: the D.2.2
  // form shows the message and stops, and its submission is refused.
  otherProcedure: { code: typeof OTHER_PROCEDURE_CODE; message: string } | null;
};

export { OTHER_PROCEDURE_MESSAGE } from "./diploma-signatory";

type TDiplomaReader = { diplomaRegistry: Pick<PrismaClient["diplomaRegistry"], "findUnique"> } | Prisma.TransactionClient;

// D.2.2's lookup: what the citizen typed from the title's top right (spaces, dashes and case
// do not matter) → the registry record, or null when the number is malformed or not registered.
export async function findDiplomaByNumber(input: string, options: TRegistryOptions = {}): Promise<TDiplomaRecord | null> {
  const { db } = await resolveRegistryDeps(options);
  return readDiplomaRecord(db, input);
}

type TDiplomaRow = NonNullable<Awaited<ReturnType<typeof readRow>>>;

async function readRow(db: TDiplomaReader, number: string) {
  return db.diplomaRegistry.findUnique({
    where: { registrationNumber: number },
    include: { dideduc: { select: { id: true, code: true, name: true } } },
  });
}

function toRecord(row: TDiplomaRow): TDiplomaRecord {
  return {
    id: row.id,
    registrationNumber: row.registrationNumber,
    holderName: row.holderName,
    degree: row.degree,
    school: row.school,
    year: row.year,
    dideduc: row.dideduc,
    signedBy: row.signedBy,
    otherProcedure: row.signedBy === "DIDEDUC" ? null : { code: OTHER_PROCEDURE_CODE, message: otherProcedureMessage(row.signedBy)! },
  };
}

// The same lookup on a given client, by number alone: for staff (the central review, the sheet at
// issuance) and for checks that reveal nothing to the citizen.
export async function readDiplomaRecord(db: TDiplomaReader, input: string): Promise<TDiplomaRecord | null> {
  const number = normalizeDiplomaNumber(input);
  if (!number) return null;
  const row = await readRow(db, number);
  return row ? toRecord(row) : null;
}

// What a citizen may be shown or may act on: the record only when what they typed about the holder
// (CUI or birth date) matches the registry's; otherwise null, exactly as for a number the registry
// does not hold, so that a number's existence is not revealed either (match-diploma-holder.ts).
export async function readDiplomaRecordForHolder(db: TDiplomaReader, input: string, proof: TDiplomaHolderProof): Promise<TDiplomaRecord | null> {
  const number = normalizeDiplomaNumber(input);
  if (!number) return null;
  const row = await readRow(db, number);
  return row && matchesDiplomaHolder(row, proof) ? toRecord(row) : null;
}
