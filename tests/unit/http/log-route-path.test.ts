import { describe, expect, it } from "vitest";
import { assignRequestId, isWellFormedRequestId } from "@/lib/http/assign-request-id";
import { logRoutePath } from "@/lib/http/log-route-path";

describe("the request line's path (scripts/serve.mts)", () => {
  it("drops the query string and the fragment, which can carry tokens", () => {
    expect(logRoutePath("/ingresar/restablecer?token=abc123&x=1")).toBe("/ingresar/restablecer");
    expect(logRoutePath("/verificar/ABCD-EFGH-JKLM#x")).toBe("/verificar/ABCD-EFGH-JKLM");
    expect(logRoutePath(undefined)).toBe("/");
  });

  it("replaces a share link's token, the credential of /compartido/<token>", () => {
    expect(logRoutePath("/compartido/s3cr3tT0ken")).toBe("/compartido/[token]");
    expect(logRoutePath("/compartido/s3cr3tT0ken/documento?x=1")).toBe("/compartido/[token]/documento");
  });
});

describe("the request id (scripts/serve.mts)", () => {
  const headersOf = (h: Record<string, string>) => ({ headers: { ...h } as Record<string, string | string[] | undefined> });
  const response = () => {
    const set: Record<string, unknown> = {};
    return { set, setHeader: (k: string, v: unknown) => void (set[k] = v) };
  };

  it("replaces a client's X-Request-Id when no trusted proxy is in front: a client must not choose it", () => {
    const req = headersOf({ "x-request-id": "chosen-by-client-1" });
    const res = response();
    const id = assignRequestId(req, res as never, { trustUpstream: false });
    expect(id).not.toBe("chosen-by-client-1");
    expect(isWellFormedRequestId(id)).toBe(true);
    expect(req.headers["x-request-id"]).toBe(id);
    expect(res.set["X-Request-Id"]).toBe(id);
  });

  it("keeps a trusted proxy's well-formed id and refuses one that could forge log text", () => {
    expect(assignRequestId(headersOf({ "x-request-id": "nginx-0123456789abcdef" }), response() as never, { trustUpstream: true })).toBe("nginx-0123456789abcdef");
    expect(assignRequestId(headersOf({ "x-request-id": 'x" level=error' }), response() as never, { trustUpstream: true })).not.toContain('"');
  });
});
