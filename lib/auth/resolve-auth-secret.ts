import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { log } from "../log";

// The key that signs and encrypts session tokens. Production sets AUTH_SECRET. A demo or a
// developer's machine gets one generated once into .data/auth-secret (the same file `npm start`
// uses), so sessions survive restarts and the proxy and the server agree on it.
// No database imports here: the proxy loads this file.
export function resolveAuthSecret(env: NodeJS.ProcessEnv = process.env, file?: string): string {
  const fromEnv = env.AUTH_SECRET?.trim() || env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  // turbopackIgnore: a runtime file, not a source to trace into the build output.
  const target = file ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "auth-secret");
  try {
    const existing = fs.readFileSync(/*turbopackIgnore: true*/ target, "utf8").trim();
    if (existing) return existing;
  } catch {
    // Not there yet: create it below.
  }
  fs.mkdirSync(/*turbopackIgnore: true*/ path.dirname(target), { recursive: true });
  try {
    // `wx`: when two processes start together, one writes and the other reads what it wrote.
    fs.writeFileSync(/*turbopackIgnore: true*/ target, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    log.warn("AUTH_SECRET no está definida: se generó una clave de sesión. En producción defina AUTH_SECRET.", { file: target });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return fs.readFileSync(/*turbopackIgnore: true*/ target, "utf8").trim();
}
