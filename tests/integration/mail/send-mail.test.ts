import net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { sendMail } from "@/lib/mail/send-mail";
import { sendPendingMail } from "@/lib/mail/send-pending-mail";
import { DEFAULT_MAIL_FROM } from "@/lib/mail/smtp-config";
import { correctionRequestedMail } from "@/lib/mail/templates";
import { createTestDatabase, type TTestDatabase } from "../../helpers/test-database";

type TReceived = { from: string; to: string[]; raw: string; user?: string };

let tdb: TTestDatabase;
let server: SMTPServer;
let port: number;
const received: TReceived[] = [];

const CREDENTIALS = { user: "certifica", pass: "s3creto:con/raros" };

beforeAll(async () => {
  tdb = await createTestDatabase();
  // A real SMTP receiver on loopback: plain connection, optional AUTH PLAIN/LOGIN, a recipient
  // domain it refuses, so the failure path is a real SMTP error.
  server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === CREDENTIALS.user && auth.password === CREDENTIALS.pass) return cb(null, { user: auth.username });
      cb(new Error("Credenciales inválidas"));
    },
    onRcptTo(address, _session, cb) {
      if (address.address.endsWith("@rechazado.test")) {
        const err = new Error("Buzón inexistente") as Error & { responseCode: number };
        err.responseCode = 550;
        return cb(err);
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
          user: session.user as string | undefined,
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as net.AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await tdb?.drop();
});
beforeEach(() => {
  received.length = 0;
});

// Just enough MIME decoding to read what nodemailer wrote: encoded-word headers and quoted-printable bodies.
function decodeHeader(raw: string, name: string): string {
  const m = new RegExp(`^${name}: (.*(?:\\r\\n[ \\t].*)*)`, "mi").exec(raw);
  if (!m) return "";
  return m[1]
    .replace(/\r\n[ \t]/g, " ")
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?(.*?)\?=/gi, (_, enc: string, data: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(data, "base64").toString("utf8")
        : Buffer.from(data.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_s, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8"),
    );
}
function decodeBody(raw: string): string {
  const qp = raw.replace(/=\r\n/g, "");
  return Buffer.from(qp.replace(/=([0-9A-F]{2})/g, (_s, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
}

const mail = () => ({
  to: "maria.perez@example.test",
  caseId: null,
  ...correctionRequestedMail({
    applicantName: "María Pérez",
    caseNumber: "EE-2026-000123",
    procedureLabel: "Certificación de expediente educativo",
    caseUrl: "https://certifica.example.gt/ciudadano/solicitudes/abc",
    reason: "El reverso del diploma no se lee; escanéelo de nuevo.",
  }),
});

describe("sendMail", () => {
  it("with no SMTP configured, keeps the mail in the outbox unsent", async () => {
    const result = await sendMail(mail(), { db: tdb.prisma, env: {} });
    expect(result.status).toBe("queued");
    const row = await tdb.prisma.outboxMail.findUniqueOrThrow({ where: { id: result.outboxId } });
    expect(row).toMatchObject({ to: "maria.perez@example.test", subject: "Su solicitud EE-2026-000123 necesita una corrección", sentAt: null, error: null });
    expect(row.text).toContain("El reverso del diploma no se lee");
    expect(row.html).toContain("<blockquote");
    expect(received).toHaveLength(0);
  });

  it("with SMTP_URL (user and password), delivers to a real SMTP server and marks the row sent", async () => {
    const env = { SMTP_URL: `smtp://${CREDENTIALS.user}:${encodeURIComponent(CREDENTIALS.pass)}@127.0.0.1:${port}` };
    const result = await sendMail(mail(), { db: tdb.prisma, env });
    expect(result).toEqual({ status: "sent", outboxId: expect.any(String) });

    expect(received).toHaveLength(1);
    const [msg] = received;
    expect(msg.user).toBe(CREDENTIALS.user);
    expect(msg.from).toBe("no-responder@mineduc.gob.gt");
    expect(msg.to).toEqual(["maria.perez@example.test"]);
    expect(decodeHeader(msg.raw, "From")).toContain(DEFAULT_MAIL_FROM.split(" <")[0]);
    expect(decodeHeader(msg.raw, "Subject")).toBe("Su solicitud EE-2026-000123 necesita una corrección");
    expect(msg.raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(decodeBody(msg.raw)).toContain("El reverso del diploma no se lee; escanéelo de nuevo.");

    const row = await tdb.prisma.outboxMail.findUniqueOrThrow({ where: { id: result.outboxId } });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.error).toBeNull();
  });

  it("with SMTP_HOST/SMTP_PORT and MAIL_FROM, sends from that address", async () => {
    const env = { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port), SMTP_SECURE: "false", MAIL_FROM: "Pruebas <pruebas@mineduc.gob.gt>" };
    const result = await sendMail({ ...mail(), to: "otro@example.test" }, { db: tdb.prisma, env });
    expect(result.status).toBe("sent");
    expect(received.map((r) => [r.from, r.to])).toEqual([["pruebas@mineduc.gob.gt", ["otro@example.test"]]]);
  });

  it("an SMTP refusal is recorded on the outbox row and does not throw", async () => {
    const env = { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) };
    const result = await sendMail({ ...mail(), to: "nadie@rechazado.test" }, { db: tdb.prisma, env });
    expect(result.status).toBe("failed");
    const row = await tdb.prisma.outboxMail.findUniqueOrThrow({ where: { id: result.outboxId } });
    expect(row.sentAt).toBeNull();
    expect(row.error).toMatch(/550|Buzón inexistente/);
    expect(received).toHaveLength(0);
  });

  it("wrong SMTP credentials and an unreachable server are recorded the same way", async () => {
    const badAuth = await sendMail(mail(), { db: tdb.prisma, env: { SMTP_URL: `smtp://certifica:otra@127.0.0.1:${port}` } });
    expect(badAuth.status).toBe("failed");

    // A port that was just free on loopback: connection refused.
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const refused = await sendMail(mail(), { db: tdb.prisma, env: { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(closed) } });
    expect(refused.status).toBe("failed");
    const row = await tdb.prisma.outboxMail.findUniqueOrThrow({ where: { id: refused.outboxId } });
    expect(row.error).toMatch(/ECONNREFUSED|connect/i);
    expect(received).toHaveLength(0);
  });

  it("sendPendingMail delivers what waited in the outbox once SMTP is available", async () => {
    await tdb.prisma.outboxMail.updateMany({ where: { sentAt: null }, data: { sentAt: new Date(0) } });
    const a = await sendMail({ ...mail(), to: "a@example.test" }, { db: tdb.prisma, env: {} });
    const b = await sendMail({ ...mail(), to: "b@example.test" }, { db: tdb.prisma, env: {} });
    expect([a.status, b.status]).toEqual(["queued", "queued"]);

    expect(await sendPendingMail({ db: tdb.prisma, env: {} })).toEqual({ sent: 0, failed: 0 });
    const result = await sendPendingMail({ db: tdb.prisma, env: { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) } });
    expect(result).toEqual({ sent: 2, failed: 0 });
    expect(received.map((r) => r.to[0])).toEqual(["a@example.test", "b@example.test"]);
    expect(await tdb.prisma.outboxMail.count({ where: { sentAt: null } })).toBe(0);
  });

  it("refuses a malformed recipient before writing anything", async () => {
    const before = await tdb.prisma.outboxMail.count();
    await expect(sendMail({ ...mail(), to: "no es un correo" }, { db: tdb.prisma, env: {} })).rejects.toThrow();
    expect(await tdb.prisma.outboxMail.count()).toBe(before);
  });
});
