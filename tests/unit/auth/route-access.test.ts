import { describe, expect, it } from "vitest";
import { decideRouteAccess, safeCallbackPath, segmentOfPath, signInPathFor } from "@/lib/auth/route-access";
import { claimsFromSessionUser, sessionUserFromClaims } from "@/lib/auth/session-claims";
import { actorHasAnyRole } from "@/lib/auth/session-user";
import { describeRoles } from "@/lib/auth/describe-roles";
import { signInErrorMessage } from "@/lib/auth/sign-in-error-message";

describe("decideRouteAccess (the proxy's redirect decision)", () => {
  it("leaves public paths alone", () => {
    for (const p of ["/", "/ingresar", "/registro", "/verificar/ABC123", "/compartido/abc.def", "/api/auth/session", "/ciudadanos", "/administracion"]) {
      expect(decideRouteAccess(p, null)).toBe("public");
    }
  });

  it("sends signed-out visitors of every protected segment to sign in", () => {
    for (const p of ["/ciudadano", "/dideduc/casos/1", "/direccion", "/atencion/x", "/admin/usuarios"]) expect(decideRouteAccess(p, null)).toBe("sign-in");
  });

  it("lets each role into its segments only", () => {
    expect(decideRouteAccess("/ciudadano", { roles: ["CITIZEN"] })).toBe("allow");
    expect(decideRouteAccess("/ciudadano/nuevo", { roles: ["TRANSLATOR"] })).toBe("allow");
    expect(decideRouteAccess("/admin", { roles: ["CITIZEN"] })).toBe("forbidden");
    expect(decideRouteAccess("/dideduc", { roles: ["DIDEDUC_SIGNER"] })).toBe("forbidden");
    expect(decideRouteAccess("/direccion", { roles: ["DIDEDUC_SIGNER"] })).toBe("allow");
    expect(decideRouteAccess("/atencion", { roles: ["CENTRAL_MANAGER"] })).toBe("allow");
    expect(decideRouteAccess("/ciudadano", { roles: [] })).toBe("forbidden");
  });

  it("counts delegated roles and implied roles", () => {
    expect(decideRouteAccess("/dideduc", { roles: [], delegatedRoles: ["DIDEDUC_REVIEWER"] })).toBe("allow");
    expect(decideRouteAccess("/atencion", { roles: ["CENTRAL_COORDINATOR"] })).toBe("allow");
  });

  it("finds the segment of a path", () => {
    expect(segmentOfPath("/dideduc/casos")).toBe("dideduc");
    expect(segmentOfPath("/dideducs")).toBeNull();
    expect(segmentOfPath("/")).toBeNull();
  });
});

describe("safeCallbackPath (where to go after signing in)", () => {
  it("keeps a path on this site the person may open", () => {
    expect(safeCallbackPath("/ciudadano/casos/1?x=1", ["CITIZEN"])).toBe("/ciudadano/casos/1?x=1");
    expect(safeCallbackPath("/verificar/ABC", ["CITIZEN"])).toBe("/verificar/ABC");
  });
  it("keeps only the path of an absolute URL, so it never leaves the site", () => {
    expect(safeCallbackPath("https://evil.example/ciudadano", ["CITIZEN"])).toBe("/ciudadano");
    expect(safeCallbackPath("http://localhost:3000/dideduc", ["DIDEDUC_REVIEWER"])).toBe("/dideduc");
  });
  it("refuses protocol-relative and odd values", () => {
    expect(safeCallbackPath("//evil.example/x", ["CITIZEN"])).toBeNull();
    expect(safeCallbackPath("/\\evil.example", ["CITIZEN"])).toBeNull();
    expect(safeCallbackPath("javascript:alert(1)", ["CITIZEN"])).toBeNull();
    expect(safeCallbackPath("", ["CITIZEN"])).toBeNull();
    expect(safeCallbackPath(undefined, ["CITIZEN"])).toBeNull();
  });
  it("refuses a segment the person cannot open, and the auth pages themselves", () => {
    expect(safeCallbackPath("/admin", ["CITIZEN"])).toBeNull();
    expect(safeCallbackPath("/ingresar?callbackUrl=/x", ["CITIZEN"])).toBeNull();
    expect(safeCallbackPath("/no-autorizado", ["CITIZEN"])).toBeNull();
    // The forgotten-password pages (issue #14): a reset link must never be where sign-in lands.
    expect(safeCallbackPath("/contrasena/restablecer?token=x", ["CITIZEN"])).toBeNull();
  });
  it("builds the sign-in URL with the way back", () => {
    expect(signInPathFor("/dideduc/casos?p=2")).toBe("/ingresar?callbackUrl=%2Fdideduc%2Fcasos%3Fp%3D2");
    expect(signInPathFor("/")).toBe("/ingresar");
    expect(signInPathFor()).toBe("/ingresar");
  });
});

describe("session claims", () => {
  const user = { id: "u1", name: "Ana", email: "ana@example.test", roles: ["DIDEDUC_REVIEWER" as const], delegatedRoles: [], dideducId: "d1" };
  it("round-trips what the session carries", () => {
    expect(sessionUserFromClaims(claimsFromSessionUser(user))).toEqual(user);
  });
  it("drops unknown roles and rejects claims without a subject", () => {
    expect(sessionUserFromClaims({ sub: "u1", roles: ["ADMIN", "SUPERUSER", 3] })?.roles).toEqual(["ADMIN"]);
    expect(sessionUserFromClaims({ name: "x" })).toBeNull();
    expect(sessionUserFromClaims(null)).toBeNull();
  });
});

describe("role helpers", () => {
  it("actorHasAnyRole includes implied and delegated roles", () => {
    expect(actorHasAnyRole({ roles: ["CENTRAL_COORDINATOR"], delegatedRoles: [] }, ["CENTRAL_ASSISTANT"])).toBe(true);
    expect(actorHasAnyRole({ roles: [], delegatedRoles: ["DIDEDUC_REVIEWER"] }, ["DIDEDUC_REVIEWER"])).toBe(true);
    expect(actorHasAnyRole({ roles: ["CITIZEN"], delegatedRoles: [] }, ["ADMIN"])).toBe(false);
  });
  it("describeRoles names roles in Spanish and marks delegation", () => {
    expect(describeRoles({ roles: ["CITIZEN"], delegatedRoles: [] })).toBe("Usuario");
    expect(describeRoles({ roles: [], delegatedRoles: ["DIDEDUC_REVIEWER"] })).toBe("Departamento Técnico Pedagógico (DIDEDUC), por delegación");
    expect(describeRoles({ roles: [], delegatedRoles: [] })).toBe("Sin rol asignado");
  });
  it("signInErrorMessage turns Auth.js codes into Spanish", () => {
    expect(signInErrorMessage("CredentialsSignin", "blocked-7")).toContain("espere 7 minutos");
    expect(signInErrorMessage("CredentialsSignin", "blocked-1")).toContain("espere 1 minuto ");
    expect(signInErrorMessage("CredentialsSignin", "invalid")).toBe("Correo o contraseña incorrectos.");
    expect(signInErrorMessage("CredentialsSignin", "inactive")).toMatch(/desactivada/);
    expect(signInErrorMessage(null, null)).toBeNull();
    expect(signInErrorMessage("Configuration", null)).toBe("No se pudo iniciar sesión. Intente de nuevo.");
  });
});
