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
command -v mutool >/dev/null || need+=(mupdf-tools)
# tests/process/nginx-two-instances.test.ts runs docs/deployment/nginx.conf (in /usr/sbin, off a user's PATH).
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
# tests/process/deployment-guide-commands.test.ts runs docs/deployment/ops.md's jq filters.
command -v jq >/dev/null || need+=(jq)
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
# A report left by an earlier run must never stand in for one this run failed to write.
rm -f test-results/vitest.json test-results/playwright.json test-results/vitest.log test-results/vitest.exit test-results/vitest-process.log test-results/vitest-process.exit test-results/vitest-process.json

# vitest needs no build and Playwright's single worker leaves most of the second core idle: the
# unit and integration tests run beside the type check, the build and Playwright, their output
# kept in a file and printed when they end. Their own process group, stopped with this script if
# it ends early (a type error) or is interrupted.
echo "== Pruebas unitarias y de integración (en paralelo con los tipos, la compilación y Playwright; salida en test-results/vitest.log)"
# The "process" project (tests/process: scripts/serve.mts as a real process) needs the build: it runs
# beside Playwright, below.
setsid bash -c 'npx vitest run --project unit --project integration --reporter=default --reporter=json --outputFile.json=test-results/vitest.json > test-results/vitest.log 2>&1; echo $? > test-results/vitest.exit' &
vitest_pid=$!
stop_vitest() { kill -TERM -- -"$vitest_pid" 2>/dev/null || true; }
trap stop_vitest EXIT
trap 'exit 130' INT TERM

# The build's own type check is skipped only where tsc saw the same route types: in the default
# build folder, whose types tsconfig.json includes (another NEXT_DIST_DIR keeps the build's check).
types_before_build=""
[ -n "${NEXT_DIST_DIR:-}" ] && [ "${NEXT_DIST_DIR}" != ".next" ] || types_before_build=1
echo "== Tipos"
if [ -n "$types_before_build" ]; then
  # The route types `next build` would generate, so that tsc checks the pages against them too.
  npx next typegen >/dev/null
fi
npx tsc --noEmit -p .

echo "== Compilación de producción"
playwright_exit=""
# Fingerprinted before compiling, as npm start does: a source changed during the build must not
# pass for built.
stamp=$(npx tsx scripts/build-stamp.ts)
if CERTIFICA_TYPES_CHECKED=$types_before_build npx next build; then
  # The build npm start would make from these sources: recorded so that it serves this one.
  [ -n "${NEXT_DIST_DIR:-}" ] && [ "${NEXT_DIST_DIR}" != ".next" ] || printf %s "$stamp" > .next/certifica-build-stamp
  echo "== Pruebas del servidor como proceso (en paralelo con Playwright; salida en test-results/vitest-process.log)"
  setsid bash -c 'npx vitest run --project process --reporter=default --reporter=json --outputFile.json=test-results/vitest-process.json > test-results/vitest-process.log 2>&1; echo $? > test-results/vitest-process.exit' &
  process_pid=$!
  stop_process_tests() { kill -TERM -- -"$process_pid" 2>/dev/null || true; }
  trap 'stop_vitest; stop_process_tests' EXIT
  echo "== Pruebas en el navegador (Playwright)"
  playwright_exit=0
  PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test --reporter=list,json || playwright_exit=$?
else
  echo "La compilación de producción falló: Playwright no corre." >&2
fi

echo "== Pruebas unitarias y de integración: resultado"
wait "$vitest_pid" || true
# Left empty when the build failed: the process tests did not run (the summary counts that).
process_exit=""
if [ -n "${process_pid:-}" ]; then
  wait "$process_pid" || true
  echo "== Pruebas del servidor como proceso: resultado"
  cat test-results/vitest-process.log
  process_exit=$(cat test-results/vitest-process.exit 2>/dev/null || echo 1)
fi
trap - EXIT
cat test-results/vitest.log
# No exit code written: vitest did not finish (the summary then counts it as a runner that failed).
vitest_exit=$(cat test-results/vitest.exit 2>/dev/null || echo 1)

# The closing line counts every way the run failed, over all three reports (unit and integration,
# Playwright, the process tests); its exit status is the suite's.
status=0
npx tsx scripts/summarize-tests.mts --vitest test-results/vitest.json --vitest-exit "$vitest_exit" \
  --playwright test-results/playwright.json --playwright-exit "$playwright_exit" \
  --vitest-process test-results/vitest-process.json --vitest-process-exit "$process_exit" || status=1
[ "$vitest_exit" = 0 ] && [ "$playwright_exit" = 0 ] && [ "$process_exit" = 0 ] || status=1
exit $status
