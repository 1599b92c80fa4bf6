import { describe, expect, it } from "vitest";
import { issuanceMail, reissueStartedMail } from "./index";

const base = {
  applicantName: "María José Pérez",
  caseNumber: "EG-2026-000321",
  procedureLabel: "Certificación de título de diversificado (2005 en adelante)",
  caseUrl: "https://certifica.example.gt/ciudadano/solicitudes/nuevo",
};

describe("corrected re-issue mails", () => {
  it("re-issue started: the new request, the old number and what to correct, in text and HTML", () => {
    const m = reissueStartedMail({ ...base, originalNumber: "EG-2026-000007", note: "El segundo apellido lleva tilde: «Chávez».\nCorríjalo." });
    expect(m.subject).toBe("Corrija los datos de su certificación: solicitud EG-2026-000321");
    for (const body of [m.text, m.html]) {
      expect(body).toContain("EG-2026-000007");
      expect(body).toContain("EG-2026-000321");
      expect(body).toContain("Qué hay que corregir");
      expect(body).toContain(base.caseUrl);
    }
    expect(m.text).toContain("  El segundo apellido lleva tilde: «Chávez».\n  Corríjalo.");
    expect(m.html).toContain("El segundo apellido lleva tilde: «Chávez».<br>Corríjalo.");
  });

  it("issuance of a re-issue says which certification it replaces; an ordinary one says nothing of it", () => {
    const data = { ...base, verificationUrl: "https://certifica.example.gt/verificar/K7P2-9QXM-4HJD", verificationCode: "K7P2-9QXM-4HJD" };
    const m = issuanceMail({ ...data, replaces: { caseNumber: "EG-2026-000007", verificationCode: "AAAA-BBBB-CCCC" } });
    for (const body of [m.text, m.html]) {
      expect(body).toContain("reemplaza a la de la solicitud EG-2026-000007 (código de verificación AAAA-BBBB-CCCC), que ya no es válida");
    }
    expect(issuanceMail(data).text).not.toContain("reemplaza");
  });
});
