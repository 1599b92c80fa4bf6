import { describe, expect, it } from "vitest";
import { signerChangeReviewedMail } from "./index";

const base = {
  directorName: "José Antonio Pérez Gómez",
  dideducName: "Guatemala Norte",
  signerName: "Ana Beatriz Cux Tzoc",
  signerPost: "Jefa del Departamento Técnico Pedagógico",
  pageUrl: "https://certifica.example.gt/direccion/firmantes",
};

// Nota 3: the DIDEDUC notifies Atención al Ciudadano, which answers the Director.
describe("the Director's mail about a notice of a signer", () => {
  it("accepted new signer: names the signer, the agreed post, the validity and the page, in text and HTML", () => {
    const m = signerChangeReviewedMail({ ...base, kind: "ADD", accepted: true, dates: "1 de enero de 2027 – 31 de diciembre de 2027", reason: null });
    expect(m.subject).toBe("Aceptada: su notificación sobre el nuevo firmante");
    for (const body of [m.text, m.html]) {
      expect(body).toContain("José Antonio Pérez Gómez");
      expect(body).toContain("Ana Beatriz Cux Tzoc");
      expect(body).toContain("Jefa del Departamento Técnico Pedagógico");
      expect(body).toContain("1 de enero de 2027");
      expect(body).toContain(base.pageUrl);
    }
    expect(m.text).not.toContain("Motivo");
  });

  it("rejected departure: says the registry did not change and quotes the reason, escaped in HTML", () => {
    const m = signerChangeReviewedMail({ ...base, kind: "END", accepted: false, dates: "15 de enero de 2027", reason: "La fecha <no> coincide" });
    expect(m.subject).toBe("Rechazada: su notificación sobre el fin de un firmante");
    expect(m.text).toContain("el registro de firmantes no cambió");
    expect(m.text).toContain("Deja de firmar: 15 de enero de 2027");
    expect(m.text).toContain("La fecha <no> coincide");
    expect(m.html).toContain("La fecha &lt;no&gt; coincide");
  });
});
