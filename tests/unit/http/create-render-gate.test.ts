import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { createRenderGate, isGatedRequest } from "@/lib/http/create-render-gate";

// A response as the gate sees it: events, and what a 503 writes.
function fakeResponse() {
  const res = new EventEmitter() as EventEmitter & { statusCode: number; headers: Record<string, string>; body: string | null; headersSent: boolean; writableEnded: boolean; setHeader: (k: string, v: string) => void; end: (b?: string) => void };
  Object.assign(res, { statusCode: 200, headers: {}, body: null, headersSent: false, writableEnded: false });
  res.setHeader = (k, v) => void (res.headers[k.toLowerCase()] = v);
  res.end = (b) => {
    res.body = b ?? "";
    res.writableEnded = true;
    res.emit("finish");
    res.emit("close");
  };
  return res;
}
const req = (url = "/verificar/X") => ({ method: "GET", url }) as IncomingMessage;
// A freed place goes to the next request on the next turn of the event loop.
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("the render gate (issue #15 §2–§3: a burst on the QR page)", () => {
  it("never starts the next render inside the freeing response's own event handlers (it kept every response of a burst reachable)", async () => {
    const gate = createRenderGate({ concurrency: 1, maxWaitMs: 60_000 });
    const [a, b] = [fakeResponse(), fakeResponse()];
    const started: string[] = [];
    gate.admit(req(), a as unknown as ServerResponse, () => started.push("a"));
    gate.admit(req(), b as unknown as ServerResponse, () => started.push("b"));
    let duringFinish: string[] = [];
    a.once("finish", () => (duringFinish = [...started]));
    a.end("ok");
    expect(started).toEqual(["a"]);
    expect(duringFinish).toEqual(["a"]);
    await turn();
    expect(started).toEqual(["a", "b"]);
  });

  it("runs at most `concurrency` renders at once and the others in arrival order", async () => {
    const gate = createRenderGate({ concurrency: 2, maxWaitMs: 60_000 });
    const started: number[] = [];
    const responses = Array.from({ length: 5 }, () => fakeResponse());
    responses.forEach((res, i) => gate.admit(req(), res as unknown as ServerResponse, () => started.push(i)));
    expect(started).toEqual([0, 1]);
    expect(gate.stats()).toEqual({ running: 2, waiting: 3 });
    responses[1].end("ok");
    expect(started).toEqual([0, 1]);
    await turn();
    expect(started).toEqual([0, 1, 2]);
    responses[0].end("ok");
    responses[2].end("ok");
    await turn();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    responses[3].end("ok");
    responses[4].end("ok");
    await turn();
    expect(gate.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it("a client that leaves while waiting gives its place up; one that leaves mid-render frees its place once", async () => {
    const gate = createRenderGate({ concurrency: 1, maxWaitMs: 60_000 });
    const started: string[] = [];
    const [a, b, c] = [fakeResponse(), fakeResponse(), fakeResponse()];
    gate.admit(req(), a as unknown as ServerResponse, () => started.push("a"));
    gate.admit(req(), b as unknown as ServerResponse, () => started.push("b"));
    gate.admit(req(), c as unknown as ServerResponse, () => started.push("c"));
    b.emit("close");
    a.emit("finish");
    a.emit("close");
    await turn();
    expect(started).toEqual(["a", "c"]);
    expect(gate.stats()).toEqual({ running: 1, waiting: 0 });
  });

  it("a request that waited longer than maxWaitMs is answered 503 with Retry-After, in Spanish, without rendering", async () => {
    let now = 1_000_000;
    const realNow = Date.now;
    Date.now = () => now;
    try {
      const rejected: string[] = [];
      const gate = createRenderGate({ concurrency: 1, maxWaitMs: 30_000, onRejected: (r) => rejected.push(r.url!) });
      const [a, b, c] = [fakeResponse(), fakeResponse(), fakeResponse()];
      const started: string[] = [];
      gate.admit(req("/a"), a as unknown as ServerResponse, () => started.push("a"));
      gate.admit(req("/b"), b as unknown as ServerResponse, () => started.push("b"));
      now += 31_000;
      gate.admit(req("/c"), c as unknown as ServerResponse, () => started.push("c"));
      a.end("ok");
      await turn();
      expect(started).toEqual(["a", "c"]);
      expect(b.statusCode).toBe(503);
      expect(b.headers["retry-after"]).toBe("5");
      expect(b.body).toMatch(/muy ocupado/);
      expect(rejected).toEqual(["/b"]);
    } finally {
      Date.now = realNow;
    }
  });

  it("refuses a concurrency that is not a positive integer", () => {
    expect(() => createRenderGate({ concurrency: 0, maxWaitMs: 1 })).toThrow();
    expect(() => createRenderGate({ concurrency: 1.5, maxWaitMs: 1 })).toThrow();
  });

  it("gates page renders only: not /api (downloads, health checks), not static files, not POSTs (server actions)", () => {
    expect(isGatedRequest("GET", "/verificar/ABCD-EFGH-JKMN")).toBe(true);
    expect(isGatedRequest("HEAD", "/ingresar")).toBe(true);
    expect(isGatedRequest("GET", "/ciudadano?_rsc=1")).toBe(true);
    expect(isGatedRequest("GET", "/api/salud/lista")).toBe(false);
    expect(isGatedRequest("GET", "/api/v1/verificaciones/X")).toBe(false);
    expect(isGatedRequest("GET", "/_next/static/chunks/a.js")).toBe(false);
    expect(isGatedRequest("POST", "/dideduc/casos/1")).toBe(false);
  });
});
