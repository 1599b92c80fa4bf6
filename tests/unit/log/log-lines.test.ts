import { describe, expect, it } from "vitest";
import { createLogger, logTo, REDACTED } from "@/lib/log";
import { collectJsonLines } from "@/tests/helpers/log-collector";

const collector = collectJsonLines;

describe("log lines (issue #15: JSON lines with level, request id, route and duration; no personal data beyond ids)", () => {
  it("writes one JSON object per line with the level as a word, an ISO time, the message and the fields", () => {
    const { lines, stream } = collector();
    const log = logTo(createLogger(stream, { level: "info" }));
    log.info("request", { requestId: "abc123def456", route: "/verificar/x", status: 200, durationMs: 12.5 });
    log.debug("not written at info");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", message: "request", requestId: "abc123def456", route: "/verificar/x", status: 200, durationMs: 12.5 });
    expect(new Date(String(lines[0].time)).toISOString()).toBe(lines[0].time);
    expect(lines[0]).toHaveProperty("pid", process.pid);
    expect(lines[0]).toHaveProperty("hostname");
  });

  it("a line written while a request is served carries its id, unless the line gives one itself", () => {
    const { lines, stream } = collector();
    let serving: string | undefined = "req-0000000000000001";
    const log = logTo(createLogger(stream, { level: "info" }), { requestId: () => serving });
    log.warn("render claim not released", { caseId: "c1" });
    log.info("verification", { caseId: "c1", requestId: "req-given-00000002" });
    serving = undefined;
    log.info("outside a request", { caseId: "c1" });
    expect(lines.map((l) => l.requestId)).toEqual(["req-0000000000000001", "req-given-00000002", undefined]);
    expect(lines[0]).toMatchObject({ level: "warn", message: "render claim not released", caseId: "c1" });
  });

  it("the id the server attaches reaches every copy of the module (serve.mts loads its own; Next.js bundles the app's)", async () => {
    const { vi } = await import("vitest");
    vi.resetModules();
    const server = await import("@/lib/log");
    vi.resetModules();
    const bundled = await import("@/lib/log");
    expect(bundled).not.toBe(server);
    const { lines, stream } = collector();
    const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      stream.write(chunk);
      return true;
    });
    try {
      server.attachRequestIds(() => "req-attached-000003");
      bundled.log.info("render claim released", { caseId: "c2" });
    } finally {
      server.attachRequestIds(() => undefined);
      write.mockRestore();
    }
    await new Promise((r) => setImmediate(r));
    expect(lines).toEqual([expect.objectContaining({ message: "render claim released", caseId: "c2", requestId: "req-attached-000003" })]);
  });

  it("serializes errors with their type, message, code, stack and cause", () => {
    const { lines, stream } = collector();
    const log = logTo(createLogger(stream, { level: "info" }));
    const error = Object.assign(new TypeError("fallo", { cause: new Error("raíz") }), { code: "E_X" });
    log.error("action failed", { requestId: "r-00000001", error });
    expect(lines[0]).toMatchObject({
      level: "error",
      error: { type: "TypeError", message: "fallo", code: "E_X", stack: expect.stringContaining("TypeError: fallo"), cause: { type: "Error", message: "raíz" } },
    });
  });

  it("serializes the error inside a cause object, as Auth.js wraps the one it caught ({ err, provider })", () => {
    const { lines, stream } = collector();
    const log = logTo(createLogger(stream, { level: "info" }));
    const error = new Error("CallbackRouteError", { cause: { err: new RangeError("base caída"), provider: "credentials" } });
    log.error("auth error", { error });
    expect(lines[0]).toMatchObject({ error: { message: "CallbackRouteError", cause: { provider: "credentials", err: { type: "RangeError", message: "base caída" } } } });
  });

  it("removes e-mails, names, CUIs, phones, client addresses and secrets, at the top level and one level down, and keeps ids", () => {
    const { lines, stream } = collector();
    const log = logTo(createLogger(stream, { level: "info" }));
    log.warn("x", {
      userId: "u1",
      caseId: "c1",
      email: "ana@example.com",
      ip: "203.0.113.9",
      student: { firstNames: "María José", lastNames: "Ixcot", cui: "5260181510901", birthDate: "2001-04-17" },
      account: { name: "Ana Pérez", phone: "5512-3478", password: "Secreta2026" },
    });
    const text = JSON.stringify(lines[0]);
    for (const value of ["ana@example.com", "203.0.113.9", "María José", "Ixcot", "5260181510901", "2001-04-17", "Ana Pérez", "5512-3478", "Secreta2026"]) {
      expect(text).not.toContain(value);
    }
    expect(lines[0]).toMatchObject({ userId: "u1", caseId: "c1", email: REDACTED, student: { cui: REDACTED }, account: { name: REDACTED } });
  });
});
