// Not `server-only`: the seed (plain Node) encrypts the demo accounts' secrets with it.
import { hkdfSync } from "node:crypto";
import { resolveAuthSecret } from "../resolve-auth-secret";

// Keys of the second factor, 256 bits each for AES-256-GCM.
//
// - TOTP secrets at rest: TOTP_ENCRYPTION_KEY (32 random bytes, base64 or hex) when set, so that
//   AUTH_SECRET can be rotated without making every enrolled authenticator unreadable; otherwise
//   derived from AUTH_SECRET with HKDF (one secret less to manage; rotating AUTH_SECRET then
//   means every staff member's second factor is reset and enrolled again).
// - Sign-in challenges: always derived from AUTH_SECRET (they live ten minutes).
// HKDF's `info` keeps each use's key apart from the others and from Auth.js's own.

function hkdf(secret: string, info: string): Buffer {
  return Buffer.from(hkdfSync("sha256", Buffer.from(secret, "utf8"), Buffer.from("certifica", "utf8"), Buffer.from(info, "utf8"), 32));
}

function parseKey(value: string): Buffer {
  const v = value.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, "hex") : Buffer.from(v.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== 32) {
    throw new Error("TOTP_ENCRYPTION_KEY debe tener 32 bytes (64 caracteres hexadecimales o base64 de 32 bytes, por ejemplo `openssl rand -base64 32`).");
  }
  return key;
}

export function totpSecretKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const explicit = env.TOTP_ENCRYPTION_KEY?.trim();
  return explicit ? parseKey(explicit) : hkdf(resolveAuthSecret(env), "certifica/totp-secret/v1");
}

export function challengeKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  return hkdf(resolveAuthSecret(env), "certifica/second-factor-challenge/v1");
}
