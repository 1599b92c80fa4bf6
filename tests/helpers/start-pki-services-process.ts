import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { TPkiServices } from "@/lib/pki/services/types";
import { bundleScript } from "./bundle-script";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SCRIPT = path.join(ROOT, "scripts", "pki-services.mts");

// startPkiServices in a child process (scripts/pki-services.mts). Tests need it there: pdfsig runs
// synchronously (spawnSync) and fetches the OCSP responses and CRLs its certificates point to, so
// services in the test's own event loop would never answer it. close() stops that child by its
// handle; it also exits if the test process dies (its stdin closes).
//
// The child runs the script's esbuild bundle (tests/helpers/bundle-script.ts), built once per test
// process and shared by every world it starts: through tsx, each start cost about a second of CPU
// in module loading, and most integration files start one.
let bundled: Promise<string> | undefined;
function pkiServicesBundle(): Promise<string> {
  bundled ??= bundleScript(path.relative(ROOT, SCRIPT));
  return bundled;
}

export async function startPkiServicesProcess(options: { pkiDir: string; port?: number }): Promise<TPkiServices> {
  const child = spawn(process.execPath, [await pkiServicesBundle(), "--pki-dir", path.resolve(options.pkiDir), "--port", String(options.port ?? 0), "--exit-with-stdin"], {
    cwd: ROOT,
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV },
  });
  const stderr: string[] = [];
  child.stderr.on("data", (c: Buffer) => {
    stderr.push(c.toString());
    // Unexpected failures inside the services (500s) stay visible in the test's output.
    process.stderr.write(c);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const urls = await new Promise<{ baseUrl: string; tsaUrl: string; ocspUrl: string; crlUrl: string }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (line) => {
      try {
        resolve(JSON.parse(line));
      } catch {
        reject(new Error(`pki-services printed ${line}`));
      }
    });
    child.once("exit", (code) => reject(new Error(`pki-services exited (${code}) before listening: ${stderr.join("")}`)));
  });
  let closing: Promise<void> | undefined;
  return {
    ...urls,
    close() {
      closing ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
        await exited;
      })();
      return closing;
    },
  };
}
