import { describe, expect, it } from "vitest";
import {
  allowedDideducSignerPosts,
  DIDEDUC_SIGNER_WHO,
  dideducSignerPostsCaption,
  dideducSignerPostTitle,
  dideducTypeRefusal,
  isDideducSignerPostAllowed,
} from "@/lib/registry/dideduc-signer-posts";
import { DEMO_CERTIFICATES } from "@/prisma/seed/demo-accounts";
import { findSeedDideduc } from "@/prisma/seed/dideducs";

// Procedure, D.1.1 and D.2.1: "se traslada a firma electrónica avanzada del Director o Subdirector
// (Jefe para las tipo A y B)"; Nota 1: "Las departamentales que no cuenten con la figura de
// Subdirección por el tipo, podrá realizarlo también el Jefe del Departamento Técnico Pedagógico."
describe("which posts may sign for a DIDEDUC, by type (decision 0014)", () => {
  it('"Jefe para las tipo A y B": types A and B allow the Director and the Jefe del Departamento Técnico Pedagógico, not a Subdirector', () => {
    for (const type of ["A", "B"] as const) {
      expect(allowedDideducSignerPosts(type)).toEqual(["DIRECTOR", "JEFE_TECNICO_PEDAGOGICO"]);
      expect(isDideducSignerPostAllowed(type, "DIRECTOR")).toBe(true);
      expect(isDideducSignerPostAllowed(type, "JEFE_TECNICO_PEDAGOGICO")).toBe(true);
      expect(isDideducSignerPostAllowed(type, "SUBDIRECTOR")).toBe(false);
    }
  });

  it('"Director o Subdirector": type C allows the Director and the Subdirector, not the Jefe', () => {
    expect(allowedDideducSignerPosts("C")).toEqual(["DIRECTOR", "SUBDIRECTOR"]);
    expect(isDideducSignerPostAllowed("C", "SUBDIRECTOR")).toBe(true);
    expect(isDideducSignerPostAllowed("C", "JEFE_TECNICO_PEDAGOGICO")).toBe(false);
  });

  it("an entry without a recognized post is allowed nowhere", () => {
    for (const type of ["A", "B", "C"] as const) expect(isDideducSignerPostAllowed(type, null)).toBe(false);
    expect(dideducTypeRefusal("A", null)).toBe(
      "Un registro sin puesto reconocido no puede firmar por una Dirección Departamental de tipo A: solo Director(a) Departamental de Educación o Jefe(a) del Departamento Técnico Pedagógico.",
    );
  });

  it("prints the post agreed with the person's gender, and both forms when it is not given", () => {
    expect(dideducSignerPostTitle("DIRECTOR", "FEMININE")).toBe("Directora Departamental de Educación");
    expect(dideducSignerPostTitle("DIRECTOR", "MASCULINE")).toBe("Director Departamental de Educación");
    expect(dideducSignerPostTitle("SUBDIRECTOR", "MASCULINE")).toBe("Subdirector Departamental de Educación");
    expect(dideducSignerPostTitle("SUBDIRECTOR", "FEMININE")).toBe("Subdirectora Departamental de Educación");
    expect(dideducSignerPostTitle("JEFE_TECNICO_PEDAGOGICO", "FEMININE")).toBe("Jefa del Departamento Técnico Pedagógico");
    expect(dideducSignerPostTitle("JEFE_TECNICO_PEDAGOGICO", "MASCULINE")).toBe("Jefe del Departamento Técnico Pedagógico");
    expect(dideducSignerPostTitle("JEFE_TECNICO_PEDAGOGICO", null)).toBe("Jefe(a) del Departamento Técnico Pedagógico");
  });

  it("the sheet's line for a signer not yet known lists every post the type allows, never leaving out the Jefe", () => {
    expect(dideducSignerPostsCaption("A")).toBe("Director(a) Departamental de Educación o Jefe(a) del Departamento Técnico Pedagógico");
    expect(dideducSignerPostsCaption("B")).toBe("Director(a) Departamental de Educación o Jefe(a) del Departamento Técnico Pedagógico");
    expect(dideducSignerPostsCaption("C")).toBe("Director(a) o Subdirector(a) Departamental de Educación");
    expect(dideducSignerPostsCaption(null)).toBe(
      "Director(a) Departamental de Educación, Subdirector(a) Departamental de Educación o Jefe(a) del Departamento Técnico Pedagógico",
    );
  });

  it("the seed's DIDEDUC signers hold a post their DIDEDUC's type allows, printed in its agreed form", () => {
    const dideducSigners = DEMO_CERTIFICATES.filter((c) => c.office === "DIDEDUC");
    expect(dideducSigners.length).toBeGreaterThan(0);
    for (const c of dideducSigners) {
      const type = findSeedDideduc(c.dideducCode!).type;
      expect(isDideducSignerPostAllowed(type, c.signerPost), c.key).toBe(true);
      expect(c.post, c.key).toBe(dideducSignerPostTitle(c.signerPost!, c.gender));
    }
    for (const c of DEMO_CERTIFICATES.filter((x) => x.office !== "DIDEDUC")) expect(c.signerPost, c.key).toBeUndefined();
  });
});

describe("who signs for a DIDEDUC, in running text where its type is not known (issue #12)", () => {
  it('"Director o Subdirector (Jefe para las tipo A y B)": names every post that may sign for some type, the Jefe del Departamento Técnico Pedagógico included', () => {
    expect(DIDEDUC_SIGNER_WHO).toBe("quien firma por la Dirección Departamental (Director(a), Subdirector(a) o Jefe(a) del Departamento Técnico Pedagógico)");
    for (const type of ["A", "B", "C"] as const) {
      for (const post of allowedDideducSignerPosts(type)) expect(DIDEDUC_SIGNER_WHO).toContain(dideducSignerPostTitle(post, null).split(" ")[0]);
    }
  });
});
