import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZCitizenRegistration, ZSignIn } from "@/lib/auth/schemas";

const VALID = {
  name: "  María José   Ixcot Chávez ",
  cui: "2345 67899 0101",
  email: " Maria.Ixcot@Example.COM ",
  phone: "5512 3478",
  password: "Quetzal2026",
  passwordConfirmation: "Quetzal2026",
};

function errorsOf(input: unknown) {
  const r = ZCitizenRegistration.safeParse(input);
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
}

describe("ZCitizenRegistration", () => {
  it("normalizes a valid registration: trimmed name, CUI without spaces, lower-case e-mail, phone as 0000-0000", () => {
    expect(ZCitizenRegistration.parse(VALID)).toEqual({
      name: "María José Ixcot Chávez",
      cui: "2345678990101",
      email: "maria.ixcot@example.com",
      phone: "5512-3478",
      password: "Quetzal2026",
      passwordConfirmation: "Quetzal2026",
      isTranslator: false,
    });
  });

  it("phone is optional and accepts the +502 prefix", () => {
    expect(ZCitizenRegistration.parse({ ...VALID, phone: "" }).phone).toBeUndefined();
    expect(ZCitizenRegistration.parse({ ...VALID, phone: undefined }).phone).toBeUndefined();
    expect(ZCitizenRegistration.parse({ ...VALID, phone: "+502 4478-2106" }).phone).toBe("4478-2106");
    expect(errorsOf({ ...VALID, phone: "12345" }).phone).toHaveLength(1);
  });

  it("the translator checkbox: 'on' when checked, absent when not", () => {
    expect(ZCitizenRegistration.parse({ ...VALID, isTranslator: "on" }).isTranslator).toBe(true);
    expect(ZCitizenRegistration.parse({ ...VALID }).isTranslator).toBe(false);
  });

  it("has no way to ask for a staff role", () => {
    const parsed = ZCitizenRegistration.parse({ ...VALID, roles: ["ADMIN"], role: "ADMIN" });
    expect(parsed).not.toHaveProperty("roles");
    expect(parsed).not.toHaveProperty("role");
  });

  it("reports an invalid CUI on the cui field with the validator's message", () => {
    expect(errorsOf({ ...VALID, cui: "2345 67890 0101" }).cui).toEqual([
      "El número de CUI no es válido. Revise que lo copió tal como aparece en su DPI.",
    ]);
    expect(errorsOf({ ...VALID, cui: "1234567892301" }).cui?.[0]).toMatch(/departamento/);
  });

  it("requires a full name (names and surnames)", () => {
    expect(errorsOf({ ...VALID, name: "María" }).name).toHaveLength(1);
    expect(errorsOf({ ...VALID, name: "   " }).name).toEqual(["Escriba su nombre completo."]);
    expect(errorsOf({ ...VALID, name: "Juan <script>" }).name).toHaveLength(1);
  });

  it("applies the password policy and the confirmation", () => {
    expect(errorsOf({ ...VALID, password: "corta1", passwordConfirmation: "corta1" }).password).toEqual([
      "La contraseña debe tener al menos 10 caracteres.",
    ]);
    expect(errorsOf({ ...VALID, passwordConfirmation: "Quetzal2025" }).passwordConfirmation).toEqual(["Las contraseñas no coinciden."]);
    expect(errorsOf({ ...VALID, passwordConfirmation: "" }).passwordConfirmation).toEqual(["Escriba de nuevo la contraseña."]);
    expect(errorsOf({ ...VALID, email: "quetzal2026@example.com", password: "Quetzal2026@example.com", passwordConfirmation: "Quetzal2026@example.com" }).password).toEqual([
      "La contraseña no puede ser su correo electrónico.",
    ]);
  });

  it("reports all the fields at once, password problems included, when several are wrong", () => {
    const errors = errorsOf({ name: "", cui: "12", email: "no-es-correo", password: "abc", passwordConfirmation: "abd" });
    expect(Object.keys(errors).sort()).toEqual(["cui", "email", "name", "password", "passwordConfirmation"]);
  });

  it("says what is missing when fields are absent", () => {
    const errors = errorsOf({});
    expect(errors.name).toEqual(["Escriba su nombre completo."]);
    expect(errors.cui).toEqual(["Escriba su número de CUI (el número de su DPI)."]);
    expect(errors.email).toEqual(["Escriba su correo electrónico."]);
  });
});

describe("ZSignIn", () => {
  it("normalizes the e-mail and keeps the password as typed", () => {
    expect(ZSignIn.parse({ email: " Ana@Example.com", password: " con espacios 1 " })).toEqual({ email: "ana@example.com", password: " con espacios 1 " });
  });
  it("asks for both fields", () => {
    const r = ZSignIn.safeParse({ email: "", password: "" });
    expect(r.success).toBe(false);
    if (!r.success) expect(Object.keys(z.flattenError(r.error).fieldErrors).sort()).toEqual(["email", "password"]);
  });
});
