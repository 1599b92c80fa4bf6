#!/usr/bin/env bash
# The whole test suite: type check, unit tests, integration tests on a real PostgreSQL, and
# Playwright in Debian's chromium against a production build. Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v pdfsig >/dev/null || need+=(poppler-utils)
command -v qpdf >/dev/null || need+=(qpdf)
command -v certutil >/dev/null || need+=(libnss3-tools)
command -v zbarimg >/dev/null || need+=(zbar-tools)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v openssl >/dev/null || need+=(openssl)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Instalando paquetes del sistema: ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "Faltan paquetes del sistema: ${need[*]} (instálelos con apt-get como root)" >&2; exit 1
  fi
fi

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  TEST_DATABASE_URL=$(scripts/start-postgres.sh /tmp/certifica-test-pg 55432)
  export TEST_DATABASE_URL
fi
echo "PostgreSQL de pruebas: $TEST_DATABASE_URL"

mkdir -p test-results
echo "== Tipos"; npx tsc --noEmit -p .
status=0
echo "== Pruebas unitarias y de integración"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=1
echo "== Compilación de producción"; npx next build
echo "== Pruebas en el navegador (Playwright)"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test --reporter=list,json || status=1
node scripts/summarize-tests.mjs test-results/vitest.json test-results/playwright.json
exit $status
