import path from "node:path";
import { DEMO_ACCOUNTS, DEMO_CERTIFICATES } from "./demo-accounts";
import { findSeedDideduc } from "./dideducs";
import { demoSecondFactorAccounts, demoTotpSecret } from "./demo-totp";

// A plain-text table of the demo accounts and the other test certificates, for terminals.
export function formatDemoAccountsTable(pkiDir: string): string {
  const shown = path.relative(process.cwd(), pkiDir) || ".";
  const header = ["Rol", "Correo", "Contraseña", "DIDEDUC", "PKCS#12 (frase de acceso)"];
  const rows = DEMO_ACCOUNTS.map((a) => {
    const cert = DEMO_CERTIFICATES.find((c) => c.key === a.certificateKey);
    return [a.roleLabel, a.email, a.password, a.dideduc ?? "", cert ? `${path.join(shown, cert.file)} (${cert.passphrase})` : ""];
  });
  for (const c of DEMO_CERTIFICATES.filter((c) => !DEMO_ACCOUNTS.some((a) => a.certificateKey === c.key))) {
    const what = c.status === "expired" ? "Certificado vencido" : c.status === "revoked" ? "Certificado revocado" : "Archivo documental, sin cuenta";
    rows.push([`${what}: ${c.holderName}`, "", "", c.dideducCode ? findSeedDideduc(c.dideducCode).name : "", `${path.join(shown, c.file)} (${c.passphrase})`]);
  }
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all.map((r) => "  " + r.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd()).join("\n");
}

// The second factor of the demo staff accounts: their (public, demo-only) TOTP secret, which an
// authenticator app accepts by hand, and the one-line way to get the current code without one.
export function formatDemoSecondFactor(): string {
  const accounts = demoSecondFactorAccounts();
  const width = Math.max(...accounts.map((a) => a.email.length));
  return [
    "Verificación en dos pasos (administración y firmas): después de la contraseña se pide un código.",
    "  Código actual de una cuenta, sin aplicación:  npm run demo:totp -- <correo>   (sin correo: todas)",
    "  O agregue la clave a una aplicación de autenticación (TOTP, 6 dígitos, 30 s):",
    ...accounts.map((a) => `    ${a.email.padEnd(width)}  ${demoTotpSecret(a.email).match(/.{1,4}/g)!.join(" ")}`),
  ].join("\n");
}
