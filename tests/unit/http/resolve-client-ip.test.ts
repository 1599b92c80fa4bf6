import { describe, expect, it } from "vitest";
import { readTrustedProxyHops } from "@/lib/http/read-trusted-proxy-hops";
import { normalizeIp, resolveClientIp } from "@/lib/http/resolve-client-ip";
import { ARRIVED_FORWARDED_FOR_HEADER, PEER_ADDRESS_HEADER, stampPeerAddress } from "@/lib/http/stamp-peer-address";

// The request as scripts/serve.mts hands it to Next.js: the socket's address and the
// X-Forwarded-For as it arrived, stamped over whatever the client sent under those names.
function stamped(socketAddress: string, headers: Record<string, string> = {}): Headers {
  const req = { headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) as Record<string, string | string[] | undefined>, socket: { remoteAddress: socketAddress } };
  stampPeerAddress(req as never);
  // What Next.js itself does next (base-server: x-forwarded-for ??= socket address).
  req.headers["x-forwarded-for"] ??= socketAddress;
  return new Headers(req.headers as Record<string, string>);
}

describe("client address behind scripts/serve.mts", () => {
  it("0 hops (the default): the socket's address, whatever X-Forwarded-For says", () => {
    expect(resolveClientIp(stamped("203.0.113.9"), { hops: 0, peerStamped: true })).toBe("203.0.113.9");
    const forged = stamped("203.0.113.9", { "X-Forwarded-For": "198.51.100.1", [PEER_ADDRESS_HEADER]: "10.9.9.9", [ARRIVED_FORWARDED_FOR_HEADER]: "10.8.8.8" });
    expect(forged.get(PEER_ADDRESS_HEADER)).toBe("203.0.113.9");
    expect(forged.get(ARRIVED_FORWARDED_FOR_HEADER)).toBe("198.51.100.1");
    expect(resolveClientIp(forged, { hops: 0, peerStamped: true })).toBe("203.0.113.9");
  });

  it("N hops: the N-th entry leftwards from the peer; what the client put further left is ignored", () => {
    // client (forged "1.1.1.1") → load balancer (appends 198.51.100.7) → nginx (appends 10.0.0.2) → us (peer 10.0.0.3)
    const h = stamped("10.0.0.3", { "X-Forwarded-For": "1.1.1.1, 198.51.100.7, 10.0.0.2" });
    expect(resolveClientIp(h, { hops: 1, peerStamped: true })).toBe("10.0.0.2");
    expect(resolveClientIp(h, { hops: 2, peerStamped: true })).toBe("198.51.100.7");
    expect(resolveClientIp(h, { hops: 0, peerStamped: true })).toBe("10.0.0.3");
    // Changing the forged part changes nothing.
    const other = stamped("10.0.0.3", { "X-Forwarded-For": "8.8.8.8, 198.51.100.7, 10.0.0.2" });
    expect(resolveClientIp(other, { hops: 2, peerStamped: true })).toBe("198.51.100.7");
  });

  it("a chain shorter than the hops gives its left-most entry; with no X-Forwarded-For at all, the peer", () => {
    expect(resolveClientIp(stamped("10.0.0.3", { "X-Forwarded-For": "198.51.100.7" }), { hops: 3, peerStamped: true })).toBe("198.51.100.7");
    // Next.js filled X-Forwarded-For with the socket's address: not counted twice.
    expect(resolveClientIp(stamped("10.0.0.3"), { hops: 1, peerStamped: true })).toBe("10.0.0.3");
  });

  it("an entry that is not an address gives way to the nearest valid one towards the peer", () => {
    expect(resolveClientIp(stamped("10.0.0.3", { "X-Forwarded-For": "unknown" }), { hops: 1, peerStamped: true })).toBe("10.0.0.3");
  });

  it("IPv4 on a dual-stack socket, and ports some proxies append, are normalized", () => {
    expect(resolveClientIp(stamped("::ffff:203.0.113.9"), { hops: 0, peerStamped: true })).toBe("203.0.113.9");
    expect(normalizeIp("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeIp("198.51.100.7:5678")).toBe("198.51.100.7");
    expect(normalizeIp("2001:0db8:0000:0000:0000:0000:0000:0001")).toBe("2001:db8::1");
    expect(normalizeIp("no-es-una-ip")).toBeNull();
  });

  it("without the stamp (next dev, a plain next start) the private headers a client sends are ignored", () => {
    const h = new Headers({ [PEER_ADDRESS_HEADER]: "10.9.9.9", "x-forwarded-for": "198.51.100.1, 203.0.113.5" });
    expect(resolveClientIp(h, { hops: 0, peerStamped: false })).toBe("203.0.113.5");
  });
});

describe("TRUSTED_PROXY_HOPS", () => {
  it("defaults to 0 and accepts whole numbers up to 10", () => {
    expect(readTrustedProxyHops({})).toBe(0);
    expect(readTrustedProxyHops({ TRUSTED_PROXY_HOPS: " 2 " })).toBe(2);
    for (const bad of ["-1", "1.5", "dos", "11"]) expect(() => readTrustedProxyHops({ TRUSTED_PROXY_HOPS: bad })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
