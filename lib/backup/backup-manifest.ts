import { z } from "zod";

export const BACKUP_FORMAT = "certifica-backup/1";
export const MANIFEST_FILE = "manifest.json";

const ZFileEntry = z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type TBackupFileEntry = z.infer<typeof ZFileEntry>;

// What `npm run backup` wrote, written last (a folder without it is an unfinished backup). Every
// path is relative to the backup folder; `restore` checks every SHA-256 before it writes anything.
export const ZBackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }),
  migrations: z.array(z.string()),
  database: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("postgres"),
      // pg_dump's custom format (-Fc), from one snapshot; restored with pg_restore.
      dump: ZFileEntry,
      serverVersion: z.string(),
      pgDumpVersion: z.string(),
    }),
    z.object({
      kind: z.literal("pglite"),
      // The embedded database's folder, copied while no process held it (its lock taken by backup).
      method: z.literal("folder-copy"),
      files: z.array(ZFileEntry),
    }),
  ]),
  storage: z.object({
    backend: z.string(),
    files: z.array(ZFileEntry.extend({ key: z.string().regex(/^[0-9a-f]{64}$/) })),
    // Keys the database referenced at the dump's snapshot that storage no longer had (a sweep of a
    // row deleted since the snapshot); normally empty.
    missingReferenced: z.array(z.string()),
  }),
});
export type TBackupManifest = z.infer<typeof ZBackupManifest>;
