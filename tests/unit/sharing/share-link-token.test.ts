import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deriveShareLinkToken } from "@/lib/sharing/derive-share-link-token";
import { verifyShareLinkToken } from "@/lib/sharing/verify-share-link-token";

const SECRET = "unit-test-secret-0123456789abcdef";
const OTHER = "another-deployment-secret-987654321";
const ID = "cm4x7k2p10000abcd1234efgh";

function flip(s: string, i: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const c = s[i];
  const replacement = alphabet[(alphabet.indexOf(c) + 1) % alphabet.length];
  return s.slice(0, i) + replacement + s.slice(i + 1);
}

describe("share-link tokens", () => {
  it("are <id>.<43 base64url characters> and verify back to the id", () => {
    const token = deriveShareLinkToken(ID, { secret: SECRET });
    expect(token).toMatch(/^cm4x7k2p10000abcd1234efgh\.[A-Za-z0-9_-]{43}$/);
    expect(verifyShareLinkToken(token, { secret: SECRET })).toBe(ID);
    // Deterministic: the holder's list derives the same link every time.
    expect(deriveShareLinkToken(ID, { secret: SECRET })).toBe(token);
  });

  it("differ per id, and one id's MAC does not open another id", () => {
    const a = deriveShareLinkToken(ID, { secret: SECRET });
    const b = deriveShareLinkToken(`${ID}x`, { secret: SECRET });
    expect(a.split(".")[1]).not.toBe(b.split(".")[1]);
    expect(verifyShareLinkToken(`${ID}x.${a.split(".")[1]}`, { secret: SECRET })).toBeNull();
  });

  it("refuse a tampered MAC (each position) and a tampered id", () => {
    const token = deriveShareLinkToken(ID, { secret: SECRET });
    const [id, mac] = token.split(".");
    for (let i = 0; i < mac.length; i++) expect(verifyShareLinkToken(`${id}.${flip(mac, i)}`, { secret: SECRET }), `position ${i}`).toBeNull();
    expect(verifyShareLinkToken(`${flip(id, 3).toLowerCase()}.${mac}`, { secret: SECRET })).toBeNull();
  });

  it("refuse forgeries: a MAC under AUTH_SECRET itself (not the derived key), a plain hash, malformed tokens", () => {
    const underRawSecret = createHmac("sha256", SECRET).update(ID).digest("base64url");
    expect(verifyShareLinkToken(`${ID}.${underRawSecret}`, { secret: SECRET })).toBeNull();
    const zeros = Buffer.alloc(32).toString("base64url");
    expect(verifyShareLinkToken(`${ID}.${zeros}`, { secret: SECRET })).toBeNull();
    const good = deriveShareLinkToken(ID, { secret: SECRET });
    for (const bad of ["", ID, `${ID}.`, `.${good.split(".")[1]}`, `${good}=`, `${good}.x`, good.slice(0, -1), `${ID.toUpperCase()}.${good.split(".")[1]}`, `${ID} .${good.split(".")[1]}`, `../${good}`]) {
      expect(verifyShareLinkToken(bad, { secret: SECRET }), JSON.stringify(bad)).toBeNull();
    }
  });

  it("made under another secret do not verify (another deployment, or AUTH_SECRET changed)", () => {
    const token = deriveShareLinkToken(ID, { secret: OTHER });
    expect(verifyShareLinkToken(token, { secret: OTHER })).toBe(ID);
    expect(verifyShareLinkToken(token, { secret: SECRET })).toBeNull();
  });
});
