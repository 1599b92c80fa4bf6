// Unit project setup file: runs before each test file. The unit files share one process per
// worker (vitest `isolate: false`), so what a package decides once, when Node first loads it,
// must not depend on which file happened to load it first.

// As Next.js's server does before loading anything else (next-server.js): AsyncLocalStorage on
// globalThis. Next's request-scoped stores pick it, or else a stand-in that throws on use, when
// their module is first loaded, and that choice then holds for every later file in the worker.
import "next/dist/server/node-environment-baseline";
import { keepStockPdfkit } from "../unit/pdf/stock-pdfkit";

// Before any sheet render in the worker has replaced pdfkit's methods (tests/unit/pdf/stock-pdfkit.ts
// says why they are kept).
keepStockPdfkit();
