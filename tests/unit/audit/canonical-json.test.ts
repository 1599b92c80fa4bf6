import { describe, expect, it } from "vitest";
import { computeAuditHash, GENESIS_HASH } from "@/lib/audit/audit-hash";
import { canonicalJson } from "@/lib/audit/canonical-json";

describe("canonicalJson (the form an audit event is hashed over)", () => {
  it("sorts keys at every depth, drops undefined members and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: "x" }, u: undefined })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });
  it("writes dates as ISO 8601 UTC with milliseconds and bigints as strings", () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 11, 6, 12, 0, 0, 5)), id: 12n })).toBe('{"at":"2026-12-06T12:00:00.005Z","id":"12"}');
  });
  it("gives the same text whatever order the keys were written in", () => {
    expect(canonicalJson({ x: 1, y: [1, 2], z: "ñ" })).toBe(canonicalJson({ z: "ñ", y: [1, 2], x: 1 }));
  });
  it("refuses what JSON cannot hold", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });
});

describe("computeAuditHash", () => {
  const event = {
    id: 7n,
    prevHash: GENESIS_HASH,
    caseId: "c1",
    actorId: "u1",
    role: "ADMIN",
    action: "submit",
    fromState: "DRAFT",
    toState: "DIDEDUC_REVIEW",
    note: null,
    data: { version: 2 },
    ip: "10.0.0.1",
    delegationId: null,
    createdAt: new Date("2026-12-06T12:00:00.000Z"),
  };
  it("changes with every covered column, the link to the previous event included", () => {
    const base = computeAuditHash(event);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const variants = [{ id: 8n }, { prevHash: "1".repeat(64) }, { actorId: "u2" }, { data: { version: 3 } }, { createdAt: new Date("2026-12-06T12:00:00.001Z") }, { note: "" }];
    for (const v of variants) expect(computeAuditHash({ ...event, ...v }), JSON.stringify(Object.keys(v))).not.toBe(base);
  });
});
