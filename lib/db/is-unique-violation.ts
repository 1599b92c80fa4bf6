// Prisma's error for a unique constraint that refused a write (P2002): the database decided a race.
export function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === "P2002";
}
