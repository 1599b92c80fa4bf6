import "server-only";
import { totpSecretKey } from "./derive-keys";
import { unseal } from "./seal";

// The base32 secret back from User.totpSecret; null when it cannot be opened (another key, another
// account's box, tampering): the account then cannot pass the second factor until an administrator
// resets it.
export function decryptTotpSecret(stored: string, userId: string, env: NodeJS.ProcessEnv = process.env): string | null {
  return unseal(stored, totpSecretKey(env), `totp-secret:${userId}`);
}
