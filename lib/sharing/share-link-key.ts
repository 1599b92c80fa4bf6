import "server-only";
import { hkdfSync } from "node:crypto";
import { resolveAuthSecret } from "@/lib/auth/resolve-auth-secret";

// A key of its own for share-link tokens, derived from AUTH_SECRET with HKDF under a fixed label:
// one secret to configure, yet a MAC made here is never valid as a session token or anything else
// keyed by AUTH_SECRET. Changing AUTH_SECRET invalidates every share link (and every session).
const INFO = "certifica/share-link-token/v1";

const cache = new Map<string, Buffer>();

export function shareLinkKey(secret: string = resolveAuthSecret()): Buffer {
  let key = cache.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), INFO, 32));
    cache.set(secret, key);
  }
  return key;
}
