// The production HTTP server: Next.js's documented custom server (`next({ dev: false })` and its
// request handler) behind a plain node:http server that, on every request, stamps the socket's
// address and the X-Forwarded-For as it arrived into private headers (lib/http/stamp-peer-address),
// replacing any a client sent. The app reads the client's address from them through
// TRUSTED_PROXY_HOPS trusted proxies. `next start` cannot do this: it fills X-Forwarded-For with
// the socket's address only when the client sent none, so a forged header hid the real address.
// Needs a build (`next build`); listens on PORT (3000) on every interface, as `next start` does.
//
//   NODE_ENV=production node --import tsx scripts/serve.mts
import http from "node:http";
import next from "next";
import { readTrustedProxyHops } from "../lib/http/read-trusted-proxy-hops";
import { markPeerAddressServer, stampPeerAddress } from "../lib/http/stamp-peer-address";

const port = Number(process.env.PORT ?? 3000);

let hops: number;
try {
  // A wrong value must stop the start, not make every client look like the proxy.
  hops = readTrustedProxyHops(process.env);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}

markPeerAddressServer();
const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  stampPeerAddress(req);
  handle(req, res).catch((error: unknown) => {
    console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", message: "request failed", url: req.url, error: String(error) }));
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
// Node closes an idle kept-alive connection after 5 s. A client that reuses it at that moment (a
// load balancer's pool, Playwright's request context) gets ECONNRESET: the usual rule behind a load
// balancer is that the app keeps idle connections longer than the balancer does (60 s on the common
// ones), so the balancer always closes first. Headers must be allowed a little longer still.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.on("error", (error) => {
  console.error(`No se pudo abrir el puerto ${port}: ${(error as Error).message}`);
  process.exit(1);
});
server.listen(port, () => {
  // npm start (scripts/start.mts) waits for "Ready" before printing its welcome.
  console.log(`✓ Ready: Certifica escucha en http://localhost:${port} (proxies de confianza: ${hops})`);
});

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    // Stop taking connections, let Next finish what it has, then leave with the signal's code.
    server.close();
    server.closeIdleConnections();
    void app.close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  });
}
