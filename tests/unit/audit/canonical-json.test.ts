import { describe, expect, it } from "vitest";
import { auditCanonicalForm, computeAuditHash, CURRENT_HASH_FORM, GENESIS_HASH } from "@/lib/audit/audit-hash";
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
    hashForm: CURRENT_HASH_FORM,
    stageEnteredAt: new Date("2026-12-01T09:30:00.000Z"),
    procedure: "EDUCATIONAL_RECORD",
    dideducId: "d1",
  };
  it("changes with every covered column, the link to the previous event included", () => {
    const base = computeAuditHash(event);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    const variants = [
      { id: 8n },
      { prevHash: "1".repeat(64) },
      { actorId: "u2" },
      { data: { version: 3 } },
      { createdAt: new Date("2026-12-06T12:00:00.001Z") },
      { note: "" },
      { stageEnteredAt: new Date("2026-12-01T09:30:00.001Z") },
      { stageEnteredAt: null },
      { procedure: "SWORN_TRANSLATION" },
      { dideducId: "d2" },
      { hashForm: 1 },
    ];
    for (const v of variants) expect(computeAuditHash({ ...event, ...v }), JSON.stringify(Object.keys(v))).not.toBe(base);
  });
  it("hashes an event written before form 2 exactly as form 1 did, whatever the later columns hold", () => {
    const old = { ...event, hashForm: 1 };
    // The text form 1 has always hashed: a later form must never reinterpret an old event.
    expect(auditCanonicalForm(old)).toBe(
      '{"action":"submit","actorId":"u1","caseId":"c1","createdAt":"2026-12-06T12:00:00.000Z","data":{"version":2},"delegationId":null,' +
        '"fromState":"DRAFT","id":"7","ip":"10.0.0.1","note":null,"prevHash":"' + GENESIS_HASH + '","role":"ADMIN","toState":"DIDEDUC_REVIEW","v":1}',
    );
    expect(computeAuditHash({ ...old, stageEnteredAt: null, procedure: null, dideducId: null })).toBe(computeAuditHash(old));
  });
});
