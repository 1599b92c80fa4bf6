import "server-only";
import { createHmac } from "node:crypto";
import { shareLinkKey } from "./share-link-key";

// `<id>.<mac>`: the link's id and an HMAC-SHA256 of it under the share-link key, base64url. The
// token is never stored: it is derived again whenever the holder lists their links, so the
// database alone (a backup, a leaked dump) opens no document, and the holder can always copy it.
export function deriveShareLinkToken(shareLinkId: string, options: { secret?: string } = {}): string {
  return `${shareLinkId}.${shareLinkMac(shareLinkId, options.secret)}`;
}

export function shareLinkMac(shareLinkId: string, secret?: string): string {
  return createHmac("sha256", shareLinkKey(secret)).update(shareLinkId, "utf8").digest("base64url");
}
