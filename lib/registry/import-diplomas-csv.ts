import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { once } from "node:events";
import type { TActor } from "@/lib/auth/actor";
import { DomainError } from "@/lib/errors";
import type { DiplomaSignatory } from "@/lib/generated/prisma/enums";
import { formatCsvLine, readCsvRecords, type TCsvDelimiter } from "./csv/read-csv-records";
import { DIPLOMA_CSV_COLUMNS, diplomaCsvRowSchema, mapDiplomaCsvHeader, type TDiplomaCsvKey } from "./diploma-csv-row";
import { DIPLOMA_SIGNATORY_LABELS } from "./diploma-signatory";
import { foldText } from "./fold-text";
import { resolveRegistryDeps, resolveRegistryStorage, type TRegistryOptions } from "./registry-options";
import { appendAuditEvent } from "@/lib/audit/append-audit-event";

export const IMPORT_DIPLOMAS_ACTION = "admin.import_diplomas";

export type TRejectedDiplomaRow = { line: number; registrationNumber: string; reason: string; fields: string[] };

export type TImportDiplomasResult = {
  auditEventId: string;
  importBatch: string;
  fileName: string | null;
  delimiter: TCsvDelimiter;
  // Data rows read (the header and blank lines not counted).
  rows: number;
  created: number;
  // Already in the registry with exactly these data: nothing to do (a second import of a file).
  unchanged: number;
  // Already registered with these data but without the holder's CUI or birth date, which the row
  // brought and the registry now keeps (what D.2.2 asks before showing the title).
  completed: number;
  // Refused: invalid, or the number is registered with other data (never overwritten silently).
  rejected: number;
  conflicts: number;
  // The first rejected rows, for the page; the whole list is in the report.
  rejectedSample: TRejectedDiplomaRow[];
  // Storage key of the report of rejected rows (CSV), null when none was rejected.
  reportKey: string | null;
};

export type TImportDiplomasOptions = TRegistryOptions & {
  actor: Pick<TActor, "id" | "roles">;
  fileName?: string | null;
  ip?: string | null;
  batchSize?: number;
};

const SAMPLE_SIZE = 50;

type TGoodRow = {
  line: number;
  raw: string[];
  data: {
    registrationNumber: string;
    holderName: string;
    degree: string;
    school: string;
    year: number;
    dideducId: string;
    signedBy: DiplomaSignatory;
    holderCui: string | null;
    holderBirthDate: Date | null;
  };
};

// The title registry's CSV import (D.2.2's source): streamed record by record, each validated
// (number format, name, year from 2005 and not in the future, institution, a DIDEDUC that
// exists), good rows inserted in batches. Idempotent by registration number: a row identical to
// what is registered is a no-op, a row that disagrees with it is rejected as a conflict, so a
// second import of the same file changes nothing. Rejected rows go to a CSV report (original
// columns + linea + motivo) kept in file storage. Every import is one AuditEvent, also when it
// fails half-way (rows of batches already written stay: importing again completes them).
export async function importDiplomasCsv(input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, options: TImportDiplomasOptions): Promise<TImportDiplomasResult> {
  if (!options.actor.roles.includes("ADMIN")) throw new DomainError("FORBIDDEN", "Solo la administración puede importar el registro de títulos.");
  const { db, now } = await resolveRegistryDeps(options);
  const storage = await resolveRegistryStorage(options);
  const batchSize = options.batchSize ?? 500;
  const importBatch = `import-${now.toISOString().slice(0, 10)}-${randomBytes(4).toString("hex")}`;
  const schema = diplomaCsvRowSchema(now);

  const dideducs = await db.dideduc.findMany({ select: { id: true, code: true, name: true } });
  const dideducByKey = new Map<string, string>();
  for (const d of dideducs) {
    dideducByKey.set(foldText(d.code), d.id);
    dideducByKey.set(foldText(d.name), d.id);
  }

  const counts = { rows: 0, created: 0, unchanged: 0, completed: 0, rejected: 0, conflicts: 0 };
  const sample: TRejectedDiplomaRow[] = [];
  let delimiter: TCsvDelimiter = ";";
  let header: string[] | null = null;
  let index: Partial<Record<TDiplomaCsvKey, number>> = {};

  const dir = await mkdtemp(path.join(tmpdir(), "certifica-import-"));
  const reportPath = path.join(dir, "rechazadas.csv");
  const report = createWriteStream(reportPath, { encoding: "utf8" });
  const write = async (text: string) => {
    if (!report.write(text)) await once(report, "drain");
  };

  const reject = async (line: number, raw: string[], reason: string, conflict = false) => {
    counts.rejected++;
    if (conflict) counts.conflicts++;
    const number = index.registrationNumber !== undefined ? (raw[index.registrationNumber] ?? "").trim() : "";
    if (sample.length < SAMPLE_SIZE) sample.push({ line, registrationNumber: number, reason, fields: raw });
    const width = header?.length ?? raw.length;
    const padded = Array.from({ length: width }, (_, i) => raw[i] ?? "");
    await write(`${formatCsvLine([line, ...padded, reason], delimiter)}\r\n`);
  };

  let batch: TGoodRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    // The same number twice in one batch: the first one stands, the second is a no-op or a conflict.
    const firstByNumber = new Map<string, TGoodRow>();
    const unique: TGoodRow[] = [];
    for (const row of rows) {
      const earlier = firstByNumber.get(row.data.registrationNumber);
      if (!earlier) {
        firstByNumber.set(row.data.registrationNumber, row);
        unique.push(row);
      } else if (sameData(earlier.data, row.data) && sameHolder(earlier.data, row.data)) counts.unchanged++;
      else await reject(row.line, row.raw, `El número ${row.data.registrationNumber} ya aparece en la línea ${earlier.line} con otros datos.`, true);
    }
    const existing = await db.diplomaRegistry.findMany({ where: { registrationNumber: { in: unique.map((r) => r.data.registrationNumber) } } });
    const byNumber = new Map(existing.map((e) => [e.registrationNumber, e]));
    const fresh: TGoodRow[] = [];
    for (const row of unique) {
      const found = byNumber.get(row.data.registrationNumber);
      if (!found) fresh.push(row);
      else if (!sameData(found, row.data)) {
        await reject(row.line, row.raw, `El número ${row.data.registrationNumber} ya está registrado con otros datos (${describeDifference(found, row.data, dideducs)}); no se reemplazó.`, true);
      } else {
        // The holder's CUI and birth date: what the registry lacks is filled in, never replaced.
        const clash = holderClash(found, row.data);
        if (clash) {
          await reject(row.line, row.raw, `El número ${row.data.registrationNumber} ya está registrado con ${clash} del graduado; no se reemplazó.`, true);
          continue;
        }
        const fill = {
          ...(found.holderCui === null && row.data.holderCui !== null ? { holderCui: row.data.holderCui } : {}),
          ...(found.holderBirthDate === null && row.data.holderBirthDate !== null ? { holderBirthDate: row.data.holderBirthDate } : {}),
        };
        if (Object.keys(fill).length === 0) {
          counts.unchanged++;
          continue;
        }
        // Only where still empty: another import may have filled it since we read it.
        const updated = await db.diplomaRegistry.updateMany({
          where: {
            registrationNumber: found.registrationNumber,
            ...("holderCui" in fill ? { holderCui: null } : {}),
            ...("holderBirthDate" in fill ? { holderBirthDate: null } : {}),
          },
          data: fill,
        });
        if (updated.count > 0) counts.completed++;
        else counts.unchanged++;
      }
    }
    if (fresh.length > 0) {
      const result = await db.diplomaRegistry.createMany({ data: fresh.map((r) => ({ ...r.data, importBatch })), skipDuplicates: true });
      counts.created += result.count;
      // Another import wrote some of these numbers between our read and our insert.
      counts.unchanged += fresh.length - result.count;
    }
  };

  let failure: unknown = null;
  try {
    for await (const record of readCsvRecords(input, { onDelimiter: (d) => (delimiter = d) })) {
      if (!header) {
        header = record.fields.map((f) => f.trim());
        const mapped = mapDiplomaCsvHeader(header);
        if (mapped.missing.length > 0) {
          // A Latin-1 export turns "año" into "a\uFFFDo": say so rather than only "missing column".
          const encoding = header.some((h) => h.includes("\uFFFD")) ? " El archivo no parece estar en UTF-8: guárdelo como «CSV UTF-8»." : "";
          throw new DomainError(
            "CSV_HEADER",
            `La primera fila del archivo debe nombrar las columnas; faltan: ${mapped.missing.join(", ")}. Columnas esperadas: ${DIPLOMA_CSV_COLUMNS.map((c) => c.header).join(delimiter)}.${encoding}`,
            { file: [`Faltan las columnas ${mapped.missing.join(", ")}.`] },
          );
        }
        index = mapped.index;
        await write(`\uFEFF${formatCsvLine(["linea", ...header, "motivo"], delimiter)}\r\n`);
        continue;
      }
      counts.rows++;
      if (record.error === "UNTERMINATED_QUOTE") {
        await reject(record.line, record.fields, "Comillas sin cerrar: la fila sigue hasta el final del archivo.");
        continue;
      }
      if (record.error === "TOO_LONG") {
        await reject(record.line, record.fields.map((f) => f.slice(0, 200)), "La fila es demasiado larga.");
        continue;
      }
      // An optional column absent from the header reads as empty.
      const value = (key: TDiplomaCsvKey) => {
        const at = index[key];
        return at === undefined ? "" : (record.fields[at] ?? "");
      };
      const parsed = schema.safeParse(Object.fromEntries(DIPLOMA_CSV_COLUMNS.map((c) => [c.key, value(c.key)])));
      const reasons: string[] = [];
      if (!parsed.success) {
        const seen = new Set<string>();
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0]);
          if (seen.has(field)) continue;
          seen.add(field);
          reasons.push(issue.message);
        }
      }
      const dideducText = value("dideduc").trim();
      const dideducId = dideducText ? dideducByKey.get(foldText(dideducText)) : undefined;
      if (dideducText && !dideducId) reasons.push(`La DIDEDUC «${dideducText.slice(0, 60)}» no existe en el directorio.`);
      if (reasons.length > 0 || !parsed.success || !dideducId) {
        await reject(record.line, record.fields, reasons.join(" "));
        continue;
      }
      const { dideduc: _dideduc, ...data } = parsed.data;
      batch.push({ line: record.line, raw: record.fields, data: { ...data, dideducId } });
      if (batch.length >= batchSize) await flush();
    }
    if (!header) throw new DomainError("CSV_EMPTY", "El archivo está vacío.", { file: ["El archivo está vacío."] });
    await flush();
  } catch (error) {
    failure = error;
  } finally {
    report.end();
    await once(report, "close").catch(() => undefined);
  }

  let reportKey: string | null = null;
  try {
    if (counts.rejected > 0) reportKey = (await storage.put(createReadStream(reportPath))).key;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  const audit = await appendAuditEvent(db, {
    data: {
      caseId: null,
      actorId: options.actor.id,
      role: "ADMIN",
      action: IMPORT_DIPLOMAS_ACTION,
      ip: options.ip ?? null,
      note: failure ? "Importación interrumpida" : null,
      data: {
        fileName: options.fileName ?? null,
        importBatch,
        delimiter,
        ...counts,
        reportKey,
        ...(failure ? { failed: true, error: failure instanceof DomainError ? failure.message : "error inesperado" } : {}),
      },
    },
  });
  if (failure) throw failure;

  return {
    auditEventId: audit.id.toString(),
    importBatch,
    fileName: options.fileName ?? null,
    delimiter,
    ...counts,
    rejectedSample: sample,
    reportKey,
  };
}

type TComparable = { holderName: string; degree: string; school: string; year: number; dideducId: string | null; signedBy: DiplomaSignatory };

type THolder = { holderCui: string | null; holderBirthDate: Date | null };

function sameHolder(a: THolder, b: THolder): boolean {
  return a.holderCui === b.holderCui && (a.holderBirthDate?.getTime() ?? null) === (b.holderBirthDate?.getTime() ?? null);
}

// A CUI or birth date the row gives that differs from one the registry already has (the values are
// not repeated: the report is a file that travels).
function holderClash(registered: THolder, row: THolder): string | null {
  const cui = registered.holderCui !== null && row.holderCui !== null && registered.holderCui !== row.holderCui;
  const birth = registered.holderBirthDate !== null && row.holderBirthDate !== null && registered.holderBirthDate.getTime() !== row.holderBirthDate.getTime();
  if (cui && birth) return "otro CUI y otra fecha de nacimiento";
  if (cui) return "otro CUI";
  if (birth) return "otra fecha de nacimiento";
  return null;
}

function sameData(a: TComparable, b: TComparable): boolean {
  return a.holderName === b.holderName && a.degree === b.degree && a.school === b.school && a.year === b.year && a.dideducId === b.dideducId && a.signedBy === b.signedBy;
}

function describeDifference(registered: TComparable, row: TComparable, dideducs: { id: string; name: string }[]): string {
  const parts: string[] = [];
  if (registered.holderName !== row.holderName) parts.push(`nombre registrado «${registered.holderName}»`);
  if (registered.degree !== row.degree) parts.push(`título registrado «${registered.degree}»`);
  if (registered.school !== row.school) parts.push(`establecimiento registrado «${registered.school}»`);
  if (registered.year !== row.year) parts.push(`año registrado ${registered.year}`);
  if (registered.dideducId !== row.dideducId) parts.push(`DIDEDUC registrada ${dideducs.find((d) => d.id === registered.dideducId)?.name ?? "ninguna"}`);
  if (registered.signedBy !== row.signedBy) parts.push(`firmado por ${DIPLOMA_SIGNATORY_LABELS[registered.signedBy]}`);
  return parts.join(", ");
}
