import "server-only";
import type SMTPTransport from "nodemailer/lib/smtp-transport";

export const DEFAULT_MAIL_FROM = "Certifica MINEDUC <no-responder@mineduc.gob.gt>";

export type TMailEnv = Record<string, string | undefined>;

// A slow or dead mail server must not hold a citizen's request for minutes.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as const;

// SMTP settings from SMTP_URL (smtp://user:pass@host:port, smtps:// for implicit TLS) or from
// SMTP_HOST/SMTP_PORT/SMTP_USER/SMTP_PASS/SMTP_SECURE. Null when neither is set: mail then
// stays in the outbox.
export function readSmtpConfig(env: TMailEnv = process.env): SMTPTransport.Options | null {
  const url = env.SMTP_URL?.trim();
  if (url) {
    const parsed = new URL(url);
    if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") {
      throw new Error(`SMTP_URL debe empezar con smtp:// o smtps:// (se recibió ${parsed.protocol}).`);
    }
    const secure = parsed.protocol === "smtps:";
    return {
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
      secure,
      auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
      ...TIMEOUTS,
    };
  }
  const host = env.SMTP_HOST?.trim();
  if (!host) return null;
  const secure = /^(1|true|yes)$/i.test(env.SMTP_SECURE?.trim() ?? "");
  const port = env.SMTP_PORT?.trim() ? Number(env.SMTP_PORT) : secure ? 465 : 587;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`SMTP_PORT no es un puerto válido: ${env.SMTP_PORT}`);
  const user = env.SMTP_USER?.trim();
  return {
    host,
    port,
    secure,
    auth: user ? { user, pass: env.SMTP_PASS ?? "" } : undefined,
    ...TIMEOUTS,
  };
}

export function readMailFrom(env: TMailEnv = process.env): string {
  return env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
}
