import { spawnSync } from "node:child_process";

export type TMutoolSignature = {
  // "Verifying signature 10:" → 10 (the field's object number).
  object: number;
  signed: boolean;
  // "The signature is valid." / "The signature is valid but there have been edits since signing."
  // / "Digest error: …"; null for an unsigned field.
  digest: string | null;
  // "Certificate is trusted." or "Certificate error: …" (mutool has no trust store option, so
  // a private root reads as "Self-signed certificate in chain.").
  certificate: string | null;
};
export type TMutoolResult = { available: boolean; exitCode: number; output: string; signatures: TMutoolSignature[] };

// A third independent check beside pdfsig and qpdf: MuPDF's `mutool sign -v` (Debian
// mupdf-tools). `available` is false where mutool is not installed. mutool 1.21 reads a
// /DocTimeStamp field as "Signature is not signed." (it verifies only /Type /Sig).
export function runMutoolVerify(file: string): TMutoolResult {
  const result = spawnSync("mutool", ["sign", "-v", file], { encoding: "utf8" });
  if (result.error) return { available: false, exitCode: -1, output: String(result.error), signatures: [] };
  const stdout = result.stdout ?? "";
  const signatures = stdout
    .split(/^Verifying signature /m)
    .slice(1)
    .map((block): TMutoolSignature => {
      const line = (re: RegExp) => re.exec(block)?.[0].trim() ?? null;
      return {
        object: Number.parseInt(block, 10),
        signed: !/Signature is not signed/.test(block),
        digest: line(/^\s*(The signature is valid.*|Digest error:.*)$/m),
        certificate: line(/^\s*(Certificate is trusted\.|Certificate error:.*)$/m),
      };
    });
  return { available: true, exitCode: result.status ?? -1, output: `${stdout}${result.stderr ?? ""}`, signatures };
}
