// `npm run notify:digest`: one run of the staff's daily digest (lib/notifications/run-staff-digests.ts)
// on DATABASE_URL (or the embedded default, like the other scripts). Meant to run every hour from a
// scheduler (README: cron or a systemd timer): each person gets theirs once a day, at or after the
// hour they chose, and a run repeated or overlapping writes nothing twice. Exit 0: done (the
// counts are printed); exit 2: it could not run.
// Runs with --conditions=react-server (package.json) so the server-only modules load.
import { createPrisma } from "../lib/db/create-prisma";
import { claimDatabaseOrExit } from "../lib/db/claim-database-or-exit";
import { describeDatabaseTarget } from "../lib/db/database-url";
import { runStaffDigests } from "../lib/notifications/run-staff-digests";

const { prisma, handle, close } = createPrisma();
claimDatabaseOrExit(handle);
let code = 0;
try {
  const r = await runStaffDigests(prisma);
  console.log(
    `${describeDatabaseTarget(handle.target)}: resumen del ${r.day}: ${r.written} escritos con novedades, ${r.empty} sin novedades (sin correo), ` +
      `${r.alreadyWritten} ya escritos por otra corrida; correos enviados ${r.sent}, fallidos ${r.failed} (se reintentan en la próxima corrida), ` +
      `en la bandeja de salida sin SMTP ${r.queued}.`,
  );
} catch (error) {
  console.error("No se pudo preparar el resumen diario:", error instanceof Error ? error.message : error);
  code = 2;
} finally {
  await close();
}
process.exit(code);
