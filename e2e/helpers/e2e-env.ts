import path from "node:path";

// Mirrors scripts/e2e-server.mts: the server's data (PKI, files) lives in a folder per port, so
// that the browser tests can pick the demo PKCS#12 files the seed generated for that server.
export const E2E_PORT = process.env.E2E_PORT ?? "3210";
// The second instance scripts/e2e-server.mts starts on the same database and storage.
export const E2E_SECOND_PORT = process.env.E2E_SECOND_PORT ?? String(Number(E2E_PORT) + 1);
export const E2E_DATA_DIR = path.resolve(E2E_PORT === "3210" ? ".data/e2e" : `.data/e2e-${E2E_PORT}`);
export const E2E_PKI_DIR = process.env.PKI_DIR ? path.resolve(process.env.PKI_DIR) : path.join(E2E_DATA_DIR, "pki");
