import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuthorizedSigners } from "@/lib/admin/list-authorized-signers";
import { DUPLICATE_SIGNER_MESSAGE, NOT_A_CERTIFICATE_MESSAGE, PRIVATE_KEY_MESSAGE, registerAuthorizedSigner } from "@/lib/admin/register-authorized-signer";
import { revokeAuthorizedSigner } from "@/lib/admin/revoke-authorized-signer";
import { groupFingerprint } from "@/lib/admin/signer-state";
import { createTestPki, pemToDer, type TTestPki } from "@/tests/helpers/pki-fixtures";
import { createAdminWorld, type TAdminWorld } from "./admin-world";

let w: TAdminWorld;
let pki: TTestPki;
beforeAll(async () => {
  w = await createAdminWorld();
  pki = createTestPki();
});
afterAll(async () => {
  await w?.cleanup();
});

const bytes = (b: Buffer | string) => new Uint8Array(Buffer.from(b));

describe("registerAuthorizedSigner", () => {
  it("registers a PEM certificate for a DIDEDUC with validity from the certificate, audited", async () => {
    const xela = await w.dideduc("Quetzaltenango");
    const signer = await w.user("firmante.quetzaltenango");
    const result = await registerAuthorizedSigner(
      w.admin,
      { office: "DIDEDUC", dideducId: xela.id, signerPost: "JEFE_TECNICO_PEDAGOGICO", gender: "FEMININE", userId: signer.id, fileName: "jose.cert.pem", certificate: bytes(pki.jose.certPem) },
      w.options,
    );
    const entry = await w.db.authorizedSigner.findUniqueOrThrow({ where: { id: result.id } });
    expect(entry.certFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(entry).toMatchObject({
      office: "DIDEDUC",
      dideducId: xela.id,
      userId: signer.id,
      signerPost: "JEFE_TECNICO_PEDAGOGICO",
      gender: "FEMININE",
      post: "Jefa del Departamento Técnico Pedagógico",
      revokedAt: null,
    });
    expect(entry.name.length).toBeGreaterThan(0);
    expect(entry.validTo.getTime()).toBeGreaterThan(Date.now());
    const event = await w.db.auditEvent.findFirstOrThrow({ where: { action: "admin.register_signer" } });
    expect(event).toMatchObject({ caseId: null, actorId: w.admin.id, role: "ADMIN" });
    expect(event.data).toMatchObject({ authorizedSignerId: result.id, fingerprint: entry.certFingerprint, office: "DIDEDUC", dideducId: xela.id });

    const listed = (await listAuthorizedSigners({ dideducId: xela.id }, w.options)).find((r) => r.id === result.id);
    expect(listed?.state).toBe("VALID");
    expect(groupFingerprint(entry.certFingerprint)).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    // The same certificate again for the same office and DIDEDUC is refused…
    await expect(
      registerAuthorizedSigner(w.admin, { office: "DIDEDUC", dideducId: xela.id, signerPost: "DIRECTOR", gender: "MASCULINE", fileName: "jose.cer", certificate: bytes(pemToDer(pki.jose.certPem)) }, w.options),
    ).rejects.toMatchObject({ code: "DUPLICATE_SIGNER", message: DUPLICATE_SIGNER_MESSAGE });
    // …but it may sign for the central office too (another entry).
    await expect(registerAuthorizedSigner(w.admin, { office: "CENTRAL", post: "Asistente", fileName: "jose.cer", certificate: bytes(pki.jose.certDer) }, w.options)).resolves.toMatchObject({
      fingerprint: entry.certFingerprint,
    });
  });

  it("reads the demo .cert.pem the seed writes and refuses it when already registered", async () => {
    const norte = await w.dideduc("Guatemala Norte");
    const pem = fs.readFileSync(path.join(w.pkiDir, "signer-guatemala-norte.cert.pem"));
    await expect(registerAuthorizedSigner(w.admin, { office: "DIDEDUC", dideducId: norte.id, signerPost: "DIRECTOR", gender: "MASCULINE", fileName: "signer-guatemala-norte.cert.pem", certificate: bytes(pem) }, w.options)).rejects.toMatchObject({
      code: "DUPLICATE_SIGNER",
    });
  });

  it("refuses a .p12, a private key, garbage, a missing DIDEDUC and a non-admin actor; nothing is stored", async () => {
    const before = await w.db.authorizedSigner.count();
    const xela = await w.dideduc("Quetzaltenango");
    const base = { office: "DIDEDUC" as const, dideducId: xela.id, signerPost: "DIRECTOR" as const, gender: "FEMININE" as const };
    // By content even when renamed to .cer, and by name.
    for (const [fileName, content] of [
      ["firma.p12", pki.maria.pkcs12],
      ["firma.cer", pki.maria.pkcs12],
      ["clave.pem", Buffer.from(pki.maria.keyPem + pki.maria.certPem)],
    ] as const) {
      await expect(registerAuthorizedSigner(w.admin, { ...base, fileName, certificate: bytes(content) }, w.options)).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { certificate: [PRIVATE_KEY_MESSAGE] },
      });
    }
    await expect(registerAuthorizedSigner(w.admin, { ...base, fileName: "x.pem", certificate: bytes("no es un certificado") }, w.options)).rejects.toMatchObject({
      fieldErrors: { certificate: [NOT_A_CERTIFICATE_MESSAGE] },
    });
    await expect(registerAuthorizedSigner(w.admin, { ...base, dideducId: "", fileName: "m.pem", certificate: bytes(pki.maria.certPem) }, w.options)).rejects.toMatchObject({
      fieldErrors: { dideducId: ["Elija la Dirección Departamental del firmante."] },
    });
    const reviewer = await w.user("revisora.quetzaltenango");
    await expect(registerAuthorizedSigner(reviewer, { ...base, fileName: "m.pem", certificate: bytes(pki.maria.certPem) }, w.options)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await w.db.authorizedSigner.count()).toBe(before);
  });

  it("accepts a narrower validity and refuses one beyond the certificate", async () => {
    const info = (await import("@/lib/pki/read-certificate")).readCertificate(pki.ecdsa.certPem);
    const to = new Date(info.validTo.getTime() + 86400_000);
    await expect(registerAuthorizedSigner(w.admin, { office: "ARCHIVE", post: "Encargada", validTo: to, fileName: "e.pem", certificate: bytes(pki.ecdsa.certPem) }, w.options)).rejects.toMatchObject({
      fieldErrors: { validTo: [expect.stringContaining("no puede registrarse más allá")] },
    });
    const narrowTo = new Date(info.validTo.getTime() - 86400_000);
    const { id } = await registerAuthorizedSigner(w.admin, { office: "ARCHIVE", post: "Encargada", validTo: narrowTo, fileName: "e.pem", certificate: bytes(pki.ecdsa.certPem) }, w.options);
    expect((await w.db.authorizedSigner.findUniqueOrThrow({ where: { id } })).validTo.toISOString()).toBe(narrowTo.toISOString());
  });
});

describe("which posts may sign for a DIDEDUC (decision 0014)", () => {
  it('"Director o Subdirector (Jefe para las tipo A y B)": a SUBDIRECTOR for a type-A DIDEDUC is refused next to the post, a JEFE accepted', async () => {
    const xela = await w.dideduc("Quetzaltenango");
    expect(xela.type).toBe("A");
    const before = await w.db.authorizedSigner.count();
    const input = { office: "DIDEDUC" as const, dideducId: xela.id, gender: "FEMININE" as const, fileName: "m.pem", certificate: bytes(pki.maria.certPem) };
    await expect(registerAuthorizedSigner(w.admin, { ...input, signerPost: "SUBDIRECTOR" }, w.options)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { signerPost: ["El puesto Subdirector(a) Departamental de Educación no puede firmar por una Dirección Departamental de tipo A: solo Director(a) Departamental de Educación o Jefe(a) del Departamento Técnico Pedagógico."] },
    });
    // No post, no form: both asked for.
    await expect(registerAuthorizedSigner(w.admin, { ...input, gender: undefined }, w.options)).rejects.toMatchObject({
      fieldErrors: { signerPost: ["Elija el puesto del firmante."], gender: [expect.stringContaining("Directora o Director")] },
    });
    expect(await w.db.authorizedSigner.count()).toBe(before);
    const { id } = await registerAuthorizedSigner(w.admin, { ...input, signerPost: "JEFE_TECNICO_PEDAGOGICO" }, w.options);
    expect(await w.db.authorizedSigner.findUniqueOrThrow({ where: { id } })).toMatchObject({ post: "Jefa del Departamento Técnico Pedagógico", signerPost: "JEFE_TECNICO_PEDAGOGICO" });
    const event = await w.db.auditEvent.findFirstOrThrow({ where: { action: "admin.register_signer", data: { path: ["authorizedSignerId"], equals: id } } });
    expect(event.data).toMatchObject({ signerPost: "JEFE_TECNICO_PEDAGOGICO", gender: "FEMININE" });
  });

  it('"Director o Subdirector": a type-C DIDEDUC takes its Subdirectora and refuses the Jefe; the archive keeps a free-text post', async () => {
    const bajaVerapaz = await w.dideduc("Baja Verapaz");
    expect(bajaVerapaz.type).toBe("C");
    const input = { office: "DIDEDUC" as const, dideducId: bajaVerapaz.id, gender: "FEMININE" as const, fileName: "e.pem", certificate: bytes(pki.ecdsa.certPem) };
    await expect(registerAuthorizedSigner(w.admin, { ...input, signerPost: "JEFE_TECNICO_PEDAGOGICO" }, w.options)).rejects.toMatchObject({
      fieldErrors: { signerPost: [expect.stringContaining("tipo C: solo Director(a) Departamental de Educación o Subdirector(a) Departamental de Educación")] },
    });
    const { id } = await registerAuthorizedSigner(w.admin, { ...input, signerPost: "SUBDIRECTOR" }, w.options);
    expect(await w.db.authorizedSigner.findUniqueOrThrow({ where: { id } })).toMatchObject({ post: "Subdirectora Departamental de Educación", gender: "FEMININE" });
    await expect(registerAuthorizedSigner(w.admin, { office: "CENTRAL", fileName: "e.pem", certificate: bytes(pki.ecdsa.certPem) }, w.options)).rejects.toMatchObject({
      fieldErrors: { post: ["Escriba el puesto del firmante."] },
    });
  });
});

describe("revokeAuthorizedSigner", () => {
  it("revokes with a reason (audited); the list shows it revoked; a second revocation and non-admins are refused", async () => {
    const entry = await w.db.authorizedSigner.findFirstOrThrow({ where: { office: "CENTRAL", revokedAt: null } });
    const reviewer = await w.user("revisora.quetzaltenango");
    await expect(revokeAuthorizedSigner(reviewer, { signerId: entry.id, reason: "Cambio de puesto" }, w.options)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revokeAuthorizedSigner(w.admin, { signerId: entry.id, reason: "" }, w.options)).rejects.toMatchObject({ fieldErrors: { reason: [expect.stringContaining("motivo")] } });
    await revokeAuthorizedSigner(w.admin, { signerId: entry.id, reason: "Cambio de puesto" }, w.options);
    expect(await w.db.authorizedSigner.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({ revokedReason: "Cambio de puesto" });
    expect((await listAuthorizedSigners({ office: "CENTRAL" }, w.options)).find((r) => r.id === entry.id)?.state).toBe("REVOKED");
    await expect(revokeAuthorizedSigner(w.admin, { signerId: entry.id, reason: "Otra vez" }, w.options)).rejects.toMatchObject({ code: "NO_CHANGE" });
    expect(await w.db.auditEvent.findFirstOrThrow({ where: { action: "admin.revoke_signer" } })).toMatchObject({ note: "Cambio de puesto", actorId: w.admin.id, role: "ADMIN" });
  });

  it("shows the seed's expired and revoked demo certificates in their states", async () => {
    const rows = await listAuthorizedSigners({}, w.options);
    expect(rows.find((r) => r.id === "seed-signer-expired")?.state).toBe("EXPIRED");
    expect(rows.find((r) => r.id === "seed-signer-revoked")?.state).toBe("REVOKED");
    expect(rows.find((r) => r.id === "seed-signer-guatemala-norte")?.state).toBe("VALID");
  });
});
