import "server-only";
import { timingSafeEqual } from "node:crypto";
import { shareLinkMac } from "./derive-share-link-token";

// Ids are cuids (lower-case letters and digits); the MAC is 32 bytes in base64url (43 characters).
const TOKEN = /^([a-z0-9]{1,64})\.([A-Za-z0-9_-]{43})$/;

// The share link's id when `token` is one this server made, else null (malformed, tampered,
// forged, or made under another AUTH_SECRET). The MAC is compared in constant time, so timing
// reveals nothing about how much of a forged MAC was right.
export function verifyShareLinkToken(token: string, options: { secret?: string } = {}): string | null {
  const m = TOKEN.exec(token);
  if (!m) return null;
  const [, id, mac] = m;
  const expected = Buffer.from(shareLinkMac(id, options.secret), "utf8");
  const given = Buffer.from(mac, "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return id;
}
