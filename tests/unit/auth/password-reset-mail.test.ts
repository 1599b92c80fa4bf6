import { describe, expect, it } from "vitest";
import { hashPasswordResetToken, isWellFormedPasswordResetToken } from "@/lib/auth/password-reset-policy";
import { passwordResetMail } from "@/lib/mail/templates";

describe("forgotten password (issue #14)", () => {
  it("mails the link, its hour and single use, and tells an account with a second factor that the code stays", () => {
    const url = "https://certifica.example/contrasena/restablecer?token=abc";
    const plain = passwordResetMail({ name: "Ana", resetUrl: url, validMinutes: 60, secondFactor: false });
    expect(plain.text).toContain(url);
    expect(plain.text).toContain("vale 60 minutos y sirve una sola vez");
    expect(plain.text).not.toContain("verificación en dos pasos");
    const staff = passwordResetMail({ name: "Ana", resetUrl: url, validMinutes: 60, secondFactor: true });
    expect(staff.text).toContain("se le seguirá pidiendo el código");
  });

  it("stores a token only as its SHA-256, and accepts only the shape of 32 random bytes in base64url", () => {
    const token = "A".repeat(43);
    expect(hashPasswordResetToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashPasswordResetToken(token)).not.toContain(token);
    expect(isWellFormedPasswordResetToken(token)).toBe(true);
    for (const bad of ["", "A".repeat(42), "A".repeat(44), `${"A".repeat(42)}=`, 42, null]) expect(isWellFormedPasswordResetToken(bad)).toBe(false);
  });
});
