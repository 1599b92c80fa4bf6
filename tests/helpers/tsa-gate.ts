import http from "node:http";
import type { AddressInfo } from "node:net";

// A pass-through in front of the TSA that tells the test when a signature's timestamp is asked
// for: the moment a completion is applying a signature (after the signature value was checked,
// before the signed file is stored and the one transaction runs). `onNextRequest` runs then, once;
// with `hold`, the request is never answered (the server is being killed).
export type TTsaGate = {
  url: string;
  onNextRequest(action: () => void, options?: { hold?: boolean }): void;
  close(): Promise<void>;
};

export async function startTsaGate(targetUrl: string): Promise<TTsaGate> {
  let next: { action: () => void; hold: boolean } | null = null;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const pending = next;
      next = null;
      pending?.action();
      if (pending?.hold) return;
      void fetch(targetUrl, { method: req.method, headers: { "content-type": req.headers["content-type"] ?? "application/timestamp-query" }, body: Buffer.concat(chunks) })
        .then(async (r) => {
          res.writeHead(r.status, { "content-type": r.headers.get("content-type") ?? "application/timestamp-reply" });
          res.end(Buffer.from(await r.arrayBuffer()));
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    onNextRequest(action, options = {}) {
      next = { action, hold: options.hold ?? false };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
