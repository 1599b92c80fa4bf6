import "server-only";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// The roots signatures must chain to, as the pdf:verify CLI finds them: the PEM file named by
// TRUSTED_ROOTS_PEM, else the demo PKI's root-ca.pem under PKI_DIR (default .data/pki). None
// configured → no chain is trusted, which the report says; the registry check does not depend on it.
export function loadTrustedRoots(env: Record<string, string | undefined> = process.env): Buffer[] {
  const configured = env.TRUSTED_ROOTS_PEM?.trim();
  // turbopackIgnore: runtime files, not sources to trace into the build output.
  const file = configured
    ? path.resolve(/*turbopackIgnore: true*/ process.cwd(), configured)
    : path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.PKI_DIR?.trim() || ".data/pki", "root-ca.pem");
  if (!existsSync(/*turbopackIgnore: true*/ file)) return [];
  return [readFileSync(/*turbopackIgnore: true*/ file)];
}
