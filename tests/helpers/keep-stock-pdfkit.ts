import { keepStockPdfkit } from "../unit/pdf/stock-pdfkit";

// Unit project setup file: runs before each test file, so before any sheet render in the worker
// has replaced pdfkit's methods (tests/unit/pdf/stock-pdfkit.ts says why they are kept).
keepStockPdfkit();
