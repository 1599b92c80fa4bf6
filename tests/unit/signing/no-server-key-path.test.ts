import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";

// Issue #13 (decision 0017): no server code reads a private key from a request. The app signs only
// through prepare → (browser) → complete, so nothing the app runs — every file under app/ and
// components/, and proxy.ts — may reach, through its static (or dynamic) imports, the server-side
// PKCS#12 readers (lib/signing/pkcs12-signer.ts, lib/pki/open-pkcs12.ts), the in-process signing
// helper of the seed and the tests (lib/cases/signing/sign-case-with-signer.ts), or node-forge's
// PKCS#12 code. The browser module (lib/signing/browser/) is allowed: it runs in the browser, where
// the signer's .p12 is.

const ROOT = path.resolve(__dirname, "../../..");

const FORBIDDEN_FILES = ["lib/signing/pkcs12-signer.ts", "lib/pki/open-pkcs12.ts", "lib/cases/signing/sign-case-with-signer.ts"];
const BROWSER_MODULE = "lib/signing/browser/";
// node-forge's PKCS#12 entry points, as a file outside the browser module would use them.
const FORGE_PKCS12_USE = /\bforge\.pkcs12\b|\bpkcs12FromAsn1\b|\btoPkcs12Asn1\b|node-forge\/lib\/pkcs12/;
const EXTENSIONS = [".ts", ".tsx", ".mts", ".js", ".mjs", "/index.ts", "/index.tsx"];

type TFinding = { chain: string[]; reason: string };

function resolveImport(root: string, fromFile: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(fromFile), spec);
  else return null; // a package: not walked (node-forge's PKCS#12 is caught where it is used)
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e)]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

// Breadth-first over the import graph from `entries`: the shortest import chain to each forbidden
// file or PKCS#12 use outside the browser module.
function walkImports(root: string, entries: string[]): { findings: TFinding[]; reached: Set<string> } {
  const rel = (f: string) => path.relative(root, f).split(path.sep).join("/");
  const parent = new Map<string, string | null>(entries.map((e) => [e, null]));
  const queue = [...entries];
  const findings: TFinding[] = [];
  const chainTo = (file: string) => {
    const chain: string[] = [];
    for (let at: string | null | undefined = file; at; at = parent.get(at)) chain.unshift(rel(at));
    return chain;
  };
  while (queue.length > 0) {
    const file = queue.shift()!;
    const name = rel(file);
    const text = fs.readFileSync(file, "utf8");
    if (FORBIDDEN_FILES.includes(name)) {
      findings.push({ chain: chainTo(file), reason: "server-side key path" });
      continue;
    }
    if (name.startsWith(BROWSER_MODULE)) continue; // runs in the browser; its imports stay there
    if (FORGE_PKCS12_USE.test(text)) findings.push({ chain: chainTo(file), reason: "node-forge PKCS#12 outside the browser module" });
    // Type-only imports are walked too: cheaper to keep out than to argue about.
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      if (/^node-forge\/lib\/pkcs12/.test(imported.fileName)) findings.push({ chain: chainTo(file), reason: `imports ${imported.fileName}` });
      const target = resolveImport(root, file, imported.fileName);
      if (target && !parent.has(target)) {
        parent.set(target, file);
        queue.push(target);
      }
    }
  }
  return { findings, reached: new Set([...parent.keys()].map(rel)) };
}

const findServerKeyPaths = (root: string, entries: string[]) => walkImports(root, entries).findings;

function sourcesUnder(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts)$/.test(e.name) && !e.name.endsWith(".d.ts"))
    .map((e) => path.join(e.parentPath, e.name));
}

function appEntries(root: string): string[] {
  const proxy = path.join(root, "proxy.ts");
  return [...sourcesUnder(root, "app"), ...sourcesUnder(root, "components"), ...(fs.existsSync(proxy) ? [proxy] : [])];
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

// A throwaway project: { "relative/path.ts": "source" }.
function fixtureProject(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "certifica-import-graph-"));
  temps.push(root);
  for (const [name, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), source);
  }
  return root;
}

describe("no server code reads a private key from a request (issue #13)", () => {
  it("nothing under app/, components/ or proxy.ts reaches a server-side PKCS#12 reader, the in-process signing helper or node-forge's PKCS#12", () => {
    const entries = appEntries(ROOT);
    expect(entries.length).toBeGreaterThan(50);
    const findings = findServerKeyPaths(ROOT, entries);
    expect(findings.map((f) => `${f.reason}: ${f.chain.join(" → ")}`)).toEqual([]);
  });

  it("the walk follows the app's real graph: it reaches the workflow engine, the signature report and the signing domain it reads", () => {
    const { reached } = walkImports(ROOT, appEntries(ROOT));
    expect(reached).toContain("lib/workflow/transition.ts");
    expect(reached).toContain("lib/cases/build-signature-report.ts");
    expect(reached).toContain("lib/cases/signing/find-current-document.ts");
  });

  describe("the check bites", () => {
    it("finds a planted import of the PKCS#12 signer two files away (through @/ and a relative path)", () => {
      const root = fixtureProject({
        "app/page.tsx": 'import { a } from "@/lib/a";\nexport default a;\n',
        "lib/a.ts": 'export { b as a } from "./b";\n',
        "lib/b.ts": 'import { openPkcs12Signer } from "@/lib/signing/pkcs12-signer";\nexport const b = openPkcs12Signer;\n',
        "lib/signing/pkcs12-signer.ts": "export function openPkcs12Signer() {}\n",
      });
      const findings = findServerKeyPaths(root, appEntries(root));
      expect(findings).toEqual([{ chain: ["app/page.tsx", "lib/a.ts", "lib/b.ts", "lib/signing/pkcs12-signer.ts"], reason: "server-side key path" }]);
    });

    it("finds the in-process helper behind a dynamic import from a component, and open-pkcs12 from proxy.ts", () => {
      const root = fixtureProject({
        "components/x.tsx": 'export async function x() { return import("../lib/cases/signing/sign-case-with-signer"); }\n',
        "lib/cases/signing/sign-case-with-signer.ts": "export {};\n",
        "proxy.ts": 'import "./lib/pki/open-pkcs12";\n',
        "lib/pki/open-pkcs12.ts": "export {};\n",
      });
      const chains = findServerKeyPaths(root, appEntries(root)).map((f) => f.chain.join(" → "));
      expect(chains.sort()).toEqual(["components/x.tsx → lib/cases/signing/sign-case-with-signer.ts", "proxy.ts → lib/pki/open-pkcs12.ts"]);
    });

    it("finds node-forge's PKCS#12 used outside the browser module, and lets the browser module use it", () => {
      const root = fixtureProject({
        "app/actions/upload.ts": 'import { read } from "@/lib/read";\nimport { open } from "@/lib/signing/browser/open";\nexport { read, open };\n',
        "lib/read.ts": 'import forge from "node-forge";\nexport const read = (d: any) => forge.pkcs12.pkcs12FromAsn1(d, "x");\n',
        "lib/signing/browser/open.ts": 'import forge from "node-forge";\nexport const open = (d: any) => forge.pkcs12.pkcs12FromAsn1(d, "x");\n',
      });
      expect(findServerKeyPaths(root, appEntries(root))).toEqual([
        { chain: ["app/actions/upload.ts", "lib/read.ts"], reason: "node-forge PKCS#12 outside the browser module" },
      ]);
    });
  });
});
