import { describe, expect, it } from "vitest";
import { checkPasswordPolicy } from "@/lib/auth/check-password-policy";

describe("password policy", () => {
  it("accepts 10+ characters mixing letters and digits", () => {
    expect(checkPasswordPolicy("Ciudadana2026", "maria@example.com")).toEqual([]);
    expect(checkPasswordPolicy("ñandú 2026 río", "x@example.com")).toEqual([]);
    expect(checkPasswordPolicy("abcdefghi1")).toEqual([]);
  });

  it("refuses fewer than 10 characters", () => {
    expect(checkPasswordPolicy("Abcdefg12")).toEqual(["La contraseña debe tener al menos 10 caracteres."]);
  });

  it("refuses passwords without letters or without digits", () => {
    expect(checkPasswordPolicy("abcdefghijkl")).toEqual(["La contraseña debe combinar letras y números."]);
    expect(checkPasswordPolicy("123456789012")).toEqual(["La contraseña debe combinar letras y números."]);
    expect(checkPasswordPolicy("!!!!????####")).toEqual(["La contraseña debe combinar letras y números."]);
  });

  it("refuses the e-mail (or its part before @) as password, ignoring case", () => {
    expect(checkPasswordPolicy("Maria2026@Example.com", "maria2026@example.com")).toContain("La contraseña no puede ser su correo electrónico.");
    expect(checkPasswordPolicy("juanperez1990", "JuanPerez1990@correo.gt")).toContain("La contraseña no puede ser su correo electrónico.");
  });

  it("reports every problem at once", () => {
    expect(checkPasswordPolicy("abc")).toHaveLength(2);
    expect(checkPasswordPolicy("a".repeat(201) + "1")).toEqual(["La contraseña no puede tener más de 200 caracteres."]);
  });
});
