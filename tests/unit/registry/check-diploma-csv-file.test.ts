import { describe, expect, it } from "vitest";
import { checkDiplomaCsvFile, DIPLOMA_CSV_MESSAGES, isDiplomaCsvName, MAX_DIPLOMA_CSV_BYTES, MAX_DIPLOMA_CSV_MB } from "@/lib/registry/check-diploma-csv-file";

// The admin's import form checks the chosen file before uploading it, by the rules the server
// applies (handleDiplomaImportRequest): a file the server would refuse is never sent.
describe("checkDiplomaCsvFile (the browser's check before the title registry import)", () => {
  it("asks for a file when none is chosen", () => {
    expect(checkDiplomaCsvFile(undefined)).toBe(DIPLOMA_CSV_MESSAGES.missing);
    expect(checkDiplomaCsvFile(null)).toBe("Elija el archivo CSV que desea importar.");
  });

  it("takes a .csv or .txt name in any case, and nothing else", () => {
    expect(checkDiplomaCsvFile({ name: "registro títulos.csv", size: 10 })).toBeNull();
    expect(checkDiplomaCsvFile({ name: "REGISTRO.CSV", size: 10 })).toBeNull();
    expect(checkDiplomaCsvFile({ name: "registro.txt", size: 10 })).toBeNull();
    expect(checkDiplomaCsvFile({ name: "registro.xlsx", size: 10 })).toBe(DIPLOMA_CSV_MESSAGES.notCsv);
    expect(checkDiplomaCsvFile({ name: "registro.csv.pdf", size: 10 })).toBe(DIPLOMA_CSV_MESSAGES.notCsv);
    expect(isDiplomaCsvName("csv")).toBe(false);
  });

  it("refuses an empty file and one over the limit, saying the limit in MB", () => {
    expect(checkDiplomaCsvFile({ name: "registro.csv", size: 0 })).toBe(DIPLOMA_CSV_MESSAGES.empty);
    expect(checkDiplomaCsvFile({ name: "registro.csv", size: MAX_DIPLOMA_CSV_BYTES })).toBeNull();
    expect(checkDiplomaCsvFile({ name: "registro.csv", size: MAX_DIPLOMA_CSV_BYTES + 1 })).toBe(DIPLOMA_CSV_MESSAGES.tooLarge);
    expect(MAX_DIPLOMA_CSV_BYTES).toBe(200 * 1024 * 1024);
    expect(DIPLOMA_CSV_MESSAGES.tooLarge).toContain(`${MAX_DIPLOMA_CSV_MB} MB`);
  });
});
