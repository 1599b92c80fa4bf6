// Lets time pass for one share link: moves its expiry an hour into the past, as if the days the
// holder chose had gone by (the e2e server's clock cannot be moved). Database of the e2e server of
// this port; needs the PostgreSQL e2e database (PGlite allows one process).
//
//   tsx --tsconfig e2e/staff-fixtures.tsconfig.json e2e/share-fixtures.mts '{"expire":"<shareLinkId>"}'
import { close, db } from "./helpers/fixture-db";

const { expire } = JSON.parse(process.argv[2] ?? "{}") as { expire?: string };

try {
  if (!expire) throw new Error("Falta el id del enlace (expire).");
  const link = await db.shareLink.update({ where: { id: expire }, data: { expiresAt: new Date(Date.now() - 60 * 60 * 1000) } });
  console.log(JSON.stringify({ id: link.id, expiresAt: link.expiresAt.toISOString() }));
} finally {
  await close();
}
