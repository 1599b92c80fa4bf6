import { randomBytes } from "node:crypto";

// 128 random bits as a positive DER INTEGER (forge writes the hex as-is, so the top bit must be 0).
export function generateSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x01;
  return bytes.toString("hex");
}
