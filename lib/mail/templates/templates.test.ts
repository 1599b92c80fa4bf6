import { describe, expect, it } from "vitest";
import { correctionRequestedMail, issuanceMail, rejectionMail, revocationMail, submissionReceivedMail } from "./index";

const base = {
  applicantName: "María José Pérez",
  caseNumber: "EE-2026-000123",
  procedureLabel: "Certificación de expediente educativo",
  caseUrl: "https://certifica.example.gt/ciudadano/solicitudes/abc",
};

describe("citizen notifications", () => {
  it("submission received names the case, the procedure and the office, in text and HTML", () => {
    const m = submissionReceivedMail({ ...base, reviewingOffice: "Dirección Departamental de Educación de Alta Verapaz" });
    expect(m.subject).toBe("Recibimos su solicitud EE-2026-000123");
    for (const body of [m.text, m.html]) {
      expect(body).toContain("María José Pérez");
      expect(body).toContain("EE-2026-000123");
      expect(body).toContain("Certificación de expediente educativo");
      expect(body).toContain("Alta Verapaz");
      expect(body).toContain(base.caseUrl);
    }
    expect(submissionReceivedMail({ ...base, resubmitted: true }).text).toContain("volvió a enviar");
  });

  it("correction requested carries the reason", () => {
    const m = correctionRequestedMail({ ...base, reason: "El reverso del certificado de 6.º grado no se lee.\nEscanéelo de nuevo." });
    expect(m.subject).toContain("corrección");
    expect(m.text).toContain("  El reverso del certificado de 6.º grado no se lee.\n  Escanéelo de nuevo.");
    expect(m.html).toContain("El reverso del certificado de 6.º grado no se lee.<br>Escanéelo de nuevo.");
  });

  it("rejection with guidance gives the office's name, phone and address and the new-request link", () => {
    const m = rejectionMail({
      ...base,
      reason: "No fue posible verificar los registros del establecimiento.",
      guidance: { name: "Supervisión Educativa 16-01-03", phone: "7952 1234", address: "3a. calle 4-12 zona 1, Cobán" },
      newRequestUrl: "https://certifica.example.gt/ciudadano/nueva?desde=abc",
    });
    expect(m.subject).toBe("Su solicitud EE-2026-000123 fue rechazada");
    for (const body of [m.text, m.html]) {
      expect(body).toContain("No fue posible verificar los registros del establecimiento.");
      expect(body).toContain("Supervisión Educativa 16-01-03");
      expect(body).toContain("7952 1234");
      expect(body).toContain("3a. calle 4-12 zona 1, Cobán");
      expect(body).toContain("https://certifica.example.gt/ciudadano/nueva?desde=abc".replace("&", "&amp;"));
    }
  });

  it("marks an office whose phone and address are the seed's demonstration data (issue #12), and only that one", () => {
    const guidance = { name: "Supervisión Educativa de Cobán", phone: "7952-0000", address: "Cobán (demostración)" };
    const demo = rejectionMail({ ...base, reason: "No consta.", guidance: { ...guidance, isPlaceholder: true } });
    for (const body of [demo.text, demo.html]) expect(body).toContain("Dato de demostración");
    expect(rejectionMail({ ...base, reason: "No consta.", guidance }).text).not.toContain("Dato de demostración");
  });

  it("definitive rejection says the case is closed and gives no office", () => {
    const m = rejectionMail({ ...base, reason: "El documento no corresponde a este trámite." });
    expect(m.text).toContain("quedó cerrada");
    expect(m.text).not.toContain("Teléfono");
  });

  it("rejection requesting documents lists them", () => {
    const m = rejectionMail({
      ...base,
      reason: "Se necesita verificar el pensum.",
      requestedDocuments: ["Cierre de pensum", "Certificación general de cursos"],
      guidance: { name: "DIDEDUC Quetzaltenango", phone: "7761 0000", address: "Xela" },
    });
    expect(m.text).toContain("Cierre de pensum, Certificación general de cursos");
  });

  it("issuance gives the verification link and code and the apostille note", () => {
    const m = issuanceMail({ ...base, verificationUrl: "https://certifica.example.gt/verificar/K7P2-9QXM", verificationCode: "K7P2-9QXM" });
    expect(m.subject).toBe("Su certificación EE-2026-000123 fue emitida");
    for (const body of [m.text, m.html]) {
      expect(body).toContain("https://certifica.example.gt/verificar/K7P2-9QXM");
      expect(body).toContain("K7P2-9QXM");
      expect(body).toMatch(/apostill/i);
      expect(body).toContain("Ministerio de Relaciones Exteriores");
    }
  });

  it("revocation gives the date in Guatemala, the category in Spanish, what it means and the verification link", () => {
    const m = revocationMail({
      ...base,
      categoryLabel: "Error en los datos",
      // 02:30 UTC on 6 December is still 5 December, 20:30, in Guatemala (UTC−6).
      revokedAt: new Date("2026-12-06T02:30:00Z"),
      verificationCode: "K7P2-9QXM",
      verificationUrl: "https://certifica.example.gt/verificar/K7P2-9QXM",
    });
    expect(m.subject).toBe("Su certificación EE-2026-000123 fue anulada");
    for (const body of [m.text, m.html]) {
      expect(body).toContain("Error en los datos");
      expect(body).toMatch(/5 de diciembre de 2026/);
      expect(body).toContain("ya no es válido");
      expect(body).toContain("https://certifica.example.gt/verificar/K7P2-9QXM");
      expect(body).toContain(base.caseUrl);
    }
  });

  it("escapes everything it is given in the HTML body", () => {
    const m = correctionRequestedMail({ ...base, applicantName: '<script>alert("x")</script>', reason: "a & b < c" });
    expect(m.html).not.toContain("<script>");
    expect(m.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(m.html).toContain("a &amp; b &lt; c");
    // The plain-text body is not HTML: it keeps the characters as typed.
    expect(m.text).toContain("a & b < c");
  });
});
