import { describe, expect, it } from "vitest";
import { guatemalaClock } from "@/lib/notifications/guatemala-clock";
import { staffDigestMail } from "@/lib/mail/templates/staff-digest-mail";

describe("guatemalaClock", () => {
  it("gives Guatemala's date and hour (UTC−6 all year), not the server's", () => {
    expect(guatemalaClock(new Date("2026-03-03T05:59:00Z"))).toEqual({ day: "2026-03-02", hour: 23 });
    expect(guatemalaClock(new Date("2026-03-03T06:00:00Z"))).toEqual({ day: "2026-03-03", hour: 0 });
    expect(guatemalaClock(new Date("2026-12-31T23:30:00Z"))).toEqual({ day: "2026-12-31", hour: 17 });
    // No daylight saving time: the same offset in July.
    expect(guatemalaClock(new Date("2026-07-01T13:00:00Z"))).toEqual({ day: "2026-07-01", hour: 7 });
  });
});

describe("staffDigestMail", () => {
  const c = (n: number, cameBack = false) => ({
    number: `EE-2026-00000${n}`,
    procedureLabel: "Certificación de expediente educativo",
    stateLabel: "En revisión en la DIDEDUC",
    since: new Date("2026-03-02T15:00:00Z"),
    cameBack,
    url: `https://certifica.example.gt/dideduc/casos/c${n}`,
  });
  it("names each case with its link, says which came back, counts the rest and escapes what it prints", () => {
    const mail = staffDigestMail({
      staffName: "Lucía <Revisora>",
      sections: [{ label: "Revisión departamental", queueUrl: "https://certifica.example.gt/dideduc", cases: [c(1), c(2, true)], total: 3, more: false }],
      due: [{ number: "EE-2026-000009", procedureLabel: "Certificación de expediente educativo", stateLabel: "En revisión en la DIDEDUC", dueLabel: "plazo: 2 de marzo de 2026", overdue: true, url: "https://certifica.example.gt/dideduc/casos/c9" }],
      accountUrl: "https://certifica.example.gt/cuenta",
    });
    expect(mail.subject).toBe("Resumen diario de Certifica: 3 solicitudes nuevas o devueltas y 1 vencida o por vencer");
    expect(mail.text).toContain("Revisión departamental: 3 solicitudes nuevas o devueltas");
    expect(mail.text).toContain("- EE-2026-000001: Certificación de expediente educativo · En revisión en la DIDEDUC · desde el 2 de marzo de 2026, 09:00");
    expect(mail.text).toContain("- EE-2026-000002: Certificación de expediente educativo · En revisión en la DIDEDUC (volvió a su bandeja)");
    expect(mail.text).toContain("Ver la restante en su bandeja:\nhttps://certifica.example.gt/dideduc");
    expect(mail.text).toContain("Vencidas o por vencer\n- EE-2026-000009: Certificación de expediente educativo · En revisión en la DIDEDUC · Vencida (plazo: 2 de marzo de 2026)");
    expect(mail.html).toContain("Lucía &lt;Revisora&gt;");
    expect(mail.html).toContain('href="https://certifica.example.gt/dideduc/casos/c2"');
  });
});
