import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setStaffAccountActive } from "@/lib/admin/set-staff-account-active";
import { PRIVATE_KEY_MESSAGE } from "@/lib/admin/read-signer-certificate";
import { signerStateOf } from "@/lib/admin/signer-state";
import { acceptSignerChange } from "@/lib/registry/signer-changes/accept-signer-change";
import { listSignerChanges } from "@/lib/registry/signer-changes/list-signer-changes";
import { DUPLICATE_REQUEST_MESSAGE, notifyNewSigner } from "@/lib/registry/signer-changes/notify-new-signer";
import { DUPLICATE_END_MESSAGE, notifySignerEnd } from "@/lib/registry/signer-changes/notify-signer-end";
import { rejectSignerChange } from "@/lib/registry/signer-changes/reject-signer-change";
import { guatemalaToday } from "@/lib/registry/signer-changes/signer-change-options";
import { createTestPki, type TTestPki } from "@/tests/helpers/pki-fixtures";
import { createAdminWorld, type TAdminWorld } from "../admin/admin-world";

// Issue #12 point 8 on PostgreSQL. Nota 3 of the procedure: "La Dirección Departamental de Educación
// deberá notificar al departamento de Atención al ciudadano de Servicios Administrativos -DISERSA- la
// firma y las personas encargadas de certificar los documentos con firma electrónica avanzada. En caso
// de cambio de personal se deberá notificar de igual forma."

let w: TAdminWorld;
let pki: TTestPki;
let director: Awaited<ReturnType<TAdminWorld["user"]>>;
let directorXela: Awaited<ReturnType<TAdminWorld["user"]>>;
let assistant: Awaited<ReturnType<TAdminWorld["user"]>>;
let reviewer: Awaited<ReturnType<TAdminWorld["user"]>>;
let gnId: string;
beforeAll(async () => {
  w = await createAdminWorld();
  pki = createTestPki();
  director = await w.user("firmante.guatemala-norte");
  directorXela = await w.user("firmante.quetzaltenango");
  assistant = await w.user("asistente.central");
  reviewer = await w.user("revisora.guatemala-norte");
  gnId = (await w.dideduc("Guatemala Norte")).id;
});
afterAll(async () => {
  await w?.cleanup();
});

const bytes = (b: Buffer | string) => new Uint8Array(Buffer.from(b));
const entriesOf = (fingerprint: string) => w.db.authorizedSigner.findMany({ where: { certFingerprint: fingerprint, dideducId: gnId } });
const auditOf = (action: string, requestId: string) =>
  w.db.auditEvent.findMany({ where: { action, data: { path: ["signerChangeRequestId"], equals: requestId } } });

describe('"deberá notificar … las personas encargadas de certificar": a new signer', () => {
  it("the Director notifies, the registry is unchanged until Atención al Ciudadano accepts; then it lists the signer with the agreed post, audited, the Director mailed", async () => {
    const jose = pki.jose;
    const submitted = await notifyNewSigner(
      director,
      { signerPost: "JEFE_TECNICO_PEDAGOGICO", gender: "FEMININE", name: "Ana Beatriz Cux Tzoc", userId: reviewer.id, note: "Nueva jefa desde enero", fileName: "ana.cer", certificate: bytes(jose.certDer) },
      w.options,
    );
    const request = await w.db.signerChangeRequest.findUniqueOrThrow({ where: { id: submitted.id } });
    expect(request).toMatchObject({ kind: "ADD", status: "PENDING", dideducId: gnId, requestedById: director.id, signerPost: "JEFE_TECNICO_PEDAGOGICO", gender: "FEMININE", userId: reviewer.id, certFingerprint: submitted.fingerprint });
    expect(await entriesOf(submitted.fingerprint)).toHaveLength(0);
    expect(await auditOf("signer_change.submit", submitted.id)).toMatchObject([{ actorId: director.id, role: "DIDEDUC_SIGNER", note: "Nueva jefa desde enero" }]);

    // The same certificate again while pending: refused next to the file.
    await expect(
      notifyNewSigner(director, { signerPost: "DIRECTOR", gender: "MASCULINE", fileName: "ana.pem", certificate: bytes(jose.certPem) }, w.options),
    ).rejects.toMatchObject({ code: "DUPLICATE_REQUEST", fieldErrors: { certificate: [DUPLICATE_REQUEST_MESSAGE] } });

    const listed = await listSignerChanges({ status: "PENDING" }, w.options);
    const row = listed.find((r) => r.id === submitted.id)!;
    expect(row.postTitle).toBe("Jefa del Departamento Técnico Pedagógico");
    expect(row.certificate?.subject).toContain("José Pérez Gómez");
    expect(row.certificate?.issuer.length).toBeGreaterThan(0);

    const mailsBefore = await w.db.outboxMail.count();
    const accepted = await acceptSignerChange(assistant, { requestId: submitted.id }, w.options);
    const [entry] = await entriesOf(submitted.fingerprint);
    expect(entry).toMatchObject({
      id: accepted.authorizedSignerId,
      office: "DIDEDUC",
      name: "Ana Beatriz Cux Tzoc",
      post: "Jefa del Departamento Técnico Pedagógico",
      signerPost: "JEFE_TECNICO_PEDAGOGICO",
      gender: "FEMININE",
      userId: reviewer.id,
      revokedAt: null,
    });
    expect(await w.db.signerChangeRequest.findUniqueOrThrow({ where: { id: submitted.id } })).toMatchObject({ status: "ACCEPTED", reviewedById: assistant.id, resultingSignerId: entry.id });
    expect(await auditOf("signer_change.accept", submitted.id)).toMatchObject([{ actorId: assistant.id, role: "CENTRAL_ASSISTANT" }]);
    expect(await auditOf("signer_change.register_signer", submitted.id)).toMatchObject([{ actorId: assistant.id, data: expect.objectContaining({ authorizedSignerId: entry.id, signerPost: "JEFE_TECNICO_PEDAGOGICO" }) }]);
    const mails = await w.db.outboxMail.findMany({ orderBy: { createdAt: "desc" }, take: (await w.db.outboxMail.count()) - mailsBefore });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: director.email, subject: "Aceptada: su notificación sobre el nuevo firmante" });
    expect(mails[0].text).toContain("Jefa del Departamento Técnico Pedagógico");

    await expect(acceptSignerChange(assistant, { requestId: submitted.id }, w.options)).rejects.toMatchObject({ code: "ALREADY_REVIEWED" });
    await expect(rejectSignerChange(assistant, { requestId: submitted.id, reason: "Tarde ya" }, w.options)).rejects.toMatchObject({ code: "ALREADY_REVIEWED" });
    // Registered now: notifying it again is a duplicate of the registry.
    await expect(
      notifyNewSigner(director, { signerPost: "DIRECTOR", gender: "MASCULINE", fileName: "ana.pem", certificate: bytes(jose.certPem) }, w.options),
    ).rejects.toMatchObject({ code: "DUPLICATE_SIGNER" });
  });

  it("a rejection keeps the registry as it was and tells the Director why", async () => {
    const submitted = await notifyNewSigner(director, { signerPost: "DIRECTOR", gender: "FEMININE", fileName: "maria.pem", certificate: bytes(pki.maria.certPem) }, w.options);
    await expect(rejectSignerChange(assistant, { requestId: submitted.id, reason: "no" }, w.options)).rejects.toMatchObject({ fieldErrors: { reason: [expect.stringContaining("motivo")] } });
    await rejectSignerChange(assistant, { requestId: submitted.id, reason: "El certificado no corresponde a la Directora nombrada." }, w.options);
    expect(await w.db.signerChangeRequest.findUniqueOrThrow({ where: { id: submitted.id } })).toMatchObject({
      status: "REJECTED",
      reviewedById: assistant.id,
      reviewReason: "El certificado no corresponde a la Directora nombrada.",
      resultingSignerId: null,
    });
    expect(await entriesOf(submitted.fingerprint)).toHaveLength(0);
    expect(await auditOf("signer_change.reject", submitted.id)).toMatchObject([{ actorId: assistant.id, note: "El certificado no corresponde a la Directora nombrada." }]);
    const mail = await w.db.outboxMail.findFirstOrThrow({ where: { to: director.email, subject: { startsWith: "Rechazada" } } });
    expect(mail.text).toContain("El certificado no corresponde a la Directora nombrada.");
    // After a rejection the same certificate may be notified again.
    await expect(notifyNewSigner(director, { signerPost: "DIRECTOR", gender: "FEMININE", fileName: "maria.pem", certificate: bytes(pki.maria.certPem) }, w.options)).resolves.toMatchObject({
      fingerprint: submitted.fingerprint,
    });
  });

  it("refuses a wrong role, a private key file, a post the DIDEDUC's type does not allow and an account of another DIDEDUC; nothing is stored", async () => {
    const before = await w.db.signerChangeRequest.count();
    const base = { signerPost: "JEFE_TECNICO_PEDAGOGICO" as const, gender: "MASCULINE" as const, fileName: "e.pem", certificate: bytes(pki.ecdsa.certPem) };
    await expect(notifyNewSigner(reviewer, base, w.options)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(notifyNewSigner(assistant, base, w.options)).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const [fileName, content] of [
      ["firma.p12", pki.ecdsa.pkcs12],
      ["firma.cer", pki.ecdsa.pkcs12],
      ["clave.pem", Buffer.from(pki.ecdsa.keyPem + pki.ecdsa.certPem)],
    ] as const) {
      await expect(notifyNewSigner(director, { ...base, fileName, certificate: bytes(content) }, w.options)).rejects.toMatchObject({ fieldErrors: { certificate: [PRIVATE_KEY_MESSAGE] } });
    }
    // "Director o Subdirector (Jefe para las tipo A y B)": Guatemala Norte is type A.
    await expect(notifyNewSigner(director, { ...base, signerPost: "SUBDIRECTOR" }, w.options)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { signerPost: [expect.stringContaining("no puede firmar por una Dirección Departamental de tipo A")] },
    });
    const otherDideducAccount = await w.user("revisora.quetzaltenango");
    await expect(notifyNewSigner(director, { ...base, userId: otherDideducAccount.id }, w.options)).rejects.toMatchObject({
      fieldErrors: { userId: ["Esa cuenta no pertenece a la Dirección Departamental elegida."] },
    });
    expect(await w.db.signerChangeRequest.count()).toBe(before);
    // Atención al Ciudadano reviews; a Director does not.
    const pending = await notifyNewSigner(director, base, w.options);
    await expect(acceptSignerChange(director, { requestId: pending.id }, w.options)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(rejectSignerChange(reviewer, { requestId: pending.id, reason: "No corresponde" }, w.options)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await entriesOf(pending.fingerprint)).toHaveLength(0);
  });

  it("an acceptance re-checks the rule as things stand: after the DIDEDUC's type changed, the Jefe cannot be accepted", async () => {
    const xela = await w.dideduc("Quetzaltenango");
    const submitted = await notifyNewSigner(directorXela, { signerPost: "JEFE_TECNICO_PEDAGOGICO", gender: "MASCULINE", fileName: "e.pem", certificate: bytes(pki.ecdsa.certPem) }, w.options);
    await w.db.dideduc.update({ where: { id: xela.id }, data: { type: "C" } });
    try {
      await expect(acceptSignerChange(assistant, { requestId: submitted.id }, w.options)).rejects.toMatchObject({
        code: "CANNOT_ACCEPT",
        message: expect.stringContaining("no puede firmar por una Dirección Departamental de tipo C"),
      });
      expect(await w.db.signerChangeRequest.findUniqueOrThrow({ where: { id: submitted.id } })).toMatchObject({ status: "PENDING", reviewedById: null });
      expect(await w.db.authorizedSigner.count({ where: { certFingerprint: submitted.fingerprint, dideducId: xela.id } })).toBe(0);
    } finally {
      await w.db.dideduc.update({ where: { id: xela.id }, data: { type: "A" } });
    }
  });
});

describe("demo data", () => {
  it("the seed leaves one DIDEDUC notice waiting, so Atención al Ciudadano's page is not empty", async () => {
    const pending = await listSignerChanges({ status: "PENDING" }, w.options);
    expect(pending.find((r) => r.id === "seed-signer-change-quetzaltenango")).toMatchObject({
      kind: "ADD",
      dideduc: { name: "Quetzaltenango" },
      postTitle: "Directora Departamental de Educación",
      requestedBy: { email: "firmante.quetzaltenango@demo.certifica.gt" },
    });
  });
});

describe('"En caso de cambio de personal se deberá notificar de igual forma": the end of a signer', () => {
  it("the Director notifies a departure on a later date; accepted, the entry still signs until that day and no longer after it", async () => {
    const now = new Date();
    const entry = await w.db.authorizedSigner.findUniqueOrThrow({ where: { id: "seed-signer-guatemala-norte" } });
    const inTenDays = guatemalaToday(new Date(now.getTime() + 10 * 86400_000));
    await expect(notifySignerEnd(director, { signerId: entry.id, endDate: "2020-01-01", reason: "Jubilación" }, w.options)).rejects.toMatchObject({
      fieldErrors: { endDate: ["La fecha no puede ser anterior a hoy."] },
    });
    const submitted = await notifySignerEnd(director, { signerId: entry.id, endDate: inTenDays, reason: "Jubilación del Director" }, w.options);
    await expect(notifySignerEnd(director, { signerId: entry.id, endDate: inTenDays, reason: "Jubilación del Director" }, w.options)).rejects.toMatchObject({
      code: "DUPLICATE_REQUEST",
      fieldErrors: { signerId: [DUPLICATE_END_MESSAGE] },
    });
    expect((await w.db.authorizedSigner.findUniqueOrThrow({ where: { id: entry.id } })).revokedAt).toBeNull();

    await acceptSignerChange(assistant, { requestId: submitted.id }, w.options);
    const ended = await w.db.authorizedSigner.findUniqueOrThrow({ where: { id: entry.id } });
    expect(ended.revokedAt?.toISOString()).toBe(new Date(`${inTenDays}T06:00:00Z`).toISOString());
    expect(ended.revokedReason).toBe("Jubilación del Director");
    expect(signerStateOf(ended, now)).toBe("VALID");
    expect(signerStateOf(ended, new Date(now.getTime() + 11 * 86400_000))).toBe("REVOKED");
    expect(await auditOf("signer_change.end_signer", submitted.id)).toMatchObject([{ actorId: assistant.id, note: "Jubilación del Director" }]);
  });

  it("the Director cannot end another DIDEDUC's signer, nor can anyone but the Director notify", async () => {
    const xelaEntry = await w.db.authorizedSigner.findUniqueOrThrow({ where: { id: "seed-signer-quetzaltenango" } });
    await expect(notifySignerEnd(director, { signerId: xelaEntry.id, endDate: guatemalaToday(new Date()), reason: "Traslado" }, w.options)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(notifySignerEnd(reviewer, { signerId: xelaEntry.id, endDate: guatemalaToday(new Date()), reason: "Traslado" }, w.options)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await w.db.signerChangeRequest.count({ where: { authorizedSignerId: xelaEntry.id } })).toBe(0);
  });

  it("Nota 3 — a change of personnel: deactivating the account of an accepted signer ends its registry entry", async () => {
    const account = await w.db.user.create({ data: { email: "subdirectora@example.test", name: "Lucía Ajú", passwordHash: "x", roles: ["DIDEDUC_SIGNER"], dideducId: gnId } });
    // A certificate not yet in Guatemala Norte's registry (the demo coordinator's, registered for the central office only).
    const own = fs.readFileSync(path.join(w.pkiDir, "central-coordinator.cert.pem"));
    const submitted = await notifyNewSigner(director, { signerPost: "DIRECTOR", gender: "FEMININE", userId: account.id, fileName: "lucia.pem", certificate: bytes(own) }, w.options);
    const { authorizedSignerId } = await acceptSignerChange(assistant, { requestId: submitted.id }, w.options);
    await setStaffAccountActive(w.admin, { userId: account.id, active: false }, w.options);
    const ended = await w.db.authorizedSigner.findUniqueOrThrow({ where: { id: authorizedSignerId } });
    expect(ended.revokedAt).not.toBeNull();
    expect(ended.revokedReason).toBe("La cuenta de la persona firmante fue desactivada.");
  });
});
