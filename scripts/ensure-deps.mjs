// Installs npm dependencies when node_modules is missing or older than the lockfile, so that
// `npm start` and `npm test` work straight after a clone. Plain Node: it runs before anything is installed.
import { execSync } from "node:child_process";
import fs from "node:fs";

const lock = "package-lock.json";
const marker = "node_modules/.package-lock.json";
const stale = !fs.existsSync(marker) || (fs.existsSync(lock) && fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs + 1000);
if (stale) {
  console.log("Instalando dependencias (npm ci)…");
  // --include=dev: with NODE_ENV=production in the environment (a server's usual setting) npm would
  // leave out the devDependencies, and both commands need them: the build (Tailwind, TypeScript)
  // and the tests (vitest, Playwright).
  execSync(fs.existsSync(lock) ? "npm ci --include=dev --no-audit --no-fund" : "npm install --include=dev --no-audit --no-fund", { stdio: "inherit" });
}
// A dependency patch newer than the install (a pull that brought one): apply it without reinstalling.
else if (fs.existsSync("patches") && fs.readdirSync("patches").some((f) => fs.statSync(`patches/${f}`).mtimeMs > fs.statSync(marker).mtimeMs)) {
  execSync("npx patch-package --error-on-fail", { stdio: "inherit" });
  fs.utimesSync(marker, new Date(), new Date());
}
if (!fs.existsSync("lib/generated/prisma/client.ts")) {
  execSync("npm run db:generate", { stdio: "inherit" });
}
