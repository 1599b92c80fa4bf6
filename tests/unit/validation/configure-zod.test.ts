import { describe, expect, it } from "vitest";
import { z } from "zod";
import { spanishIssueMessage } from "@/lib/validation/configure-zod";

// The wording of the messages zod would otherwise write in English, read as a form says them.
const messages = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message);

describe("spanishIssueMessage (configured by importing lib/validation/configure-zod)", () => {
  it("words the common issues as a form would", () => {
    expect(messages(z.string(), undefined)).toEqual(["Falta este dato."]);
    expect(messages(z.string(), 5)).toEqual(["Este dato no tiene el formato esperado."]);
    expect(messages(z.string().max(3), "abcd")).toEqual(["No puede tener más de 3 caracteres."]);
    expect(messages(z.string().min(1), "")).toEqual(["Este dato es obligatorio."]);
    expect(messages(z.string().min(8), "abc")).toEqual(["Debe tener al menos 8 caracteres."]);
    expect(messages(z.array(z.string()).max(2), ["a", "b", "c"])).toEqual(["Se admiten hasta 2 elementos."]);
    expect(messages(z.array(z.string()).min(1), [])).toEqual(["Elija al menos una opción."]);
    expect(messages(z.number().int().max(10), 11)).toEqual(["Debe ser 10 como máximo."]);
    expect(messages(z.number().min(1900), 1800)).toEqual(["Debe ser 1900 como mínimo."]);
    expect(messages(z.enum(["A", "B"]), "C")).toEqual(["Elija una de las opciones de la lista."]);
    expect(messages(z.literal(true), false)).toEqual(["Este valor no es válido."]);
    expect(messages(z.email(), "no")).toEqual(["Escriba un correo válido, por ejemplo nombre@dominio.com."]);
    expect(messages(z.string().regex(/^\d+$/), "x")).toEqual(["El formato no es válido."]);
    expect(messages(z.strictObject({ a: z.string() }), { a: "x", b: 1, c: 2 })).toEqual(["Este formulario no lleva los datos «b», «c»."]);
    expect(messages(z.string().refine(() => false), "x")).toEqual(["Este dato no es válido."]);
    expect(messages(z.union([z.string(), z.number()]), null)).toEqual(["Este dato no es válido."]);
  });

  it("leaves a schema's own message alone", () => {
    expect(messages(z.string().max(3, { error: "Demasiado largo." }), "abcd")).toEqual(["Demasiado largo."]);
    expect(messages(z.string({ error: "Escriba su nombre." }), undefined)).toEqual(["Escriba su nombre."]);
  });

  it("returns nothing for what it does not word, so zod's own Spanish locale answers", () => {
    expect(spanishIssueMessage({ code: "invalid_key", origin: "map", issues: [], input: new Map(), path: [] } as never)).toBe("Este dato no es válido.");
    expect(spanishIssueMessage({ code: "something_new", input: 1, path: [] } as never)).toBeUndefined();
  });
});

describe("the rest of zod's configuration", () => {
  it("never compiles parsers with eval (the page's CSP forbids it, and reports even the probe)", () => {
    expect(z.config().jitless).toBe(true);
  });
});
