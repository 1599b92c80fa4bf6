import { describe, expect, it } from "vitest";
import { DEFAULT_MAIL_FROM, readMailFrom, readSmtpConfig } from "./smtp-config";

describe("SMTP settings from the environment", () => {
  it("none configured: null, so mail stays in the outbox", () => {
    expect(readSmtpConfig({})).toBeNull();
    expect(readSmtpConfig({ SMTP_HOST: " ", SMTP_URL: "" })).toBeNull();
  });

  it("SMTP_URL with encoded credentials; smtps means implicit TLS on 465", () => {
    expect(readSmtpConfig({ SMTP_URL: "smtp://us%40r:p%3Ass@mail.example.gt:2525" })).toMatchObject({
      host: "mail.example.gt",
      port: 2525,
      secure: false,
      auth: { user: "us@r", pass: "p:ss" },
    });
    expect(readSmtpConfig({ SMTP_URL: "smtps://mail.example.gt" })).toMatchObject({ port: 465, secure: true, auth: undefined });
    expect(() => readSmtpConfig({ SMTP_URL: "http://mail.example.gt" })).toThrow(/smtp:\/\//);
  });

  it("SMTP_HOST and friends, with SMTP_URL taking precedence", () => {
    expect(readSmtpConfig({ SMTP_HOST: "mail.example.gt", SMTP_USER: "u", SMTP_PASS: "p" })).toMatchObject({
      host: "mail.example.gt",
      port: 587,
      secure: false,
      auth: { user: "u", pass: "p" },
    });
    expect(readSmtpConfig({ SMTP_HOST: "h", SMTP_SECURE: "true" })).toMatchObject({ port: 465, secure: true });
    expect(readSmtpConfig({ SMTP_HOST: "h", SMTP_URL: "smtp://other:25" })).toMatchObject({ host: "other", port: 25 });
    expect(() => readSmtpConfig({ SMTP_HOST: "h", SMTP_PORT: "correo" })).toThrow(/SMTP_PORT/);
  });

  it("every configuration has timeouts, so a dead server cannot hang a request", () => {
    expect(readSmtpConfig({ SMTP_HOST: "h" })).toMatchObject({ connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  });

  it("MAIL_FROM with the ministry's no-reply address as default", () => {
    expect(readMailFrom({})).toBe(DEFAULT_MAIL_FROM);
    expect(DEFAULT_MAIL_FROM).toBe("Certifica MINEDUC <no-responder@mineduc.gob.gt>");
    expect(readMailFrom({ MAIL_FROM: "Otro <x@y.gt>" })).toBe("Otro <x@y.gt>");
  });
});
