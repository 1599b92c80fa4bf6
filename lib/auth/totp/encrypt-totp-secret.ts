// Not `server-only`: the seed (plain Node) encrypts the demo accounts' secrets with it.
import { totpSecretKey } from "./derive-keys";
import { seal } from "./seal";

// The TOTP secret as stored in User.totpSecret: encrypted, and bound to its account.
export function encryptTotpSecret(secret: string, userId: string, env: NodeJS.ProcessEnv = process.env): string {
  return seal(secret, totpSecretKey(env), `totp-secret:${userId}`);
}
