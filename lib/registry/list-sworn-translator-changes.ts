import "server-only";
import { resolveRegistryDeps, type TRegistryOptions } from "./registry-options";
import { TRANSLATOR_ACTIONS } from "./set-sworn-translator-active";

export type TSwornTranslatorChange = { translatorId: string; active: boolean; reason: string | null; at: Date; actorName: string | null };

// The latest deactivation or reactivation of each given registry entry, with its reason (the
// model keeps only the flag; the reason lives in the audit trail).
export async function listSwornTranslatorChanges(translatorIds: string[], options: TRegistryOptions = {}): Promise<Map<string, TSwornTranslatorChange>> {
  const out = new Map<string, TSwornTranslatorChange>();
  if (translatorIds.length === 0) return out;
  const { db } = await resolveRegistryDeps(options);
  const events = await db.auditEvent.findMany({
    where: {
      action: { in: [TRANSLATOR_ACTIONS.deactivate, TRANSLATOR_ACTIONS.reactivate] },
      OR: translatorIds.map((id) => ({ data: { path: ["translatorId"], equals: id } })),
    },
    orderBy: { id: "desc" },
    include: { actor: { select: { name: true } } },
  });
  for (const e of events) {
    const id = (e.data as { translatorId?: string } | null)?.translatorId;
    if (!id || out.has(id)) continue;
    out.set(id, { translatorId: id, active: e.action === TRANSLATOR_ACTIONS.reactivate, reason: e.note, at: e.createdAt, actorName: e.actor?.name ?? null });
  }
  return out;
}
