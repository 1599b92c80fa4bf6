import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TGuidance } from "./inputs";

// Issue #12 (point 10): the seed's supervision offices and DIDEDUC contact data are invented
// ("Dato de demostración" until an administrator saves real ones). A reviewer picks the office for a
// rejection from that directory and may edit it; the contact is copied into Case.guidance. Whether the
// copied phone or address is one of those invented values is decided HERE, at the transition, and
// stored with the guidance (`contact.isPlaceholder`): an administrator replacing the office's data
// later must not turn what the citizen was given into "real" data, nor the other way round.
export async function markPlaceholderContact(tx: Prisma.TransactionClient, guidance: TGuidance): Promise<TGuidance> {
  const { phone, address } = guidance.contact;
  const sameValue = { OR: [{ phone: phone.trim() }, { address: address.trim() }] };
  const office = await tx.supervisionOffice.findFirst({ where: { isPlaceholder: true, ...sameValue }, select: { id: true } });
  const dideduc = office ? null : await tx.dideduc.findFirst({ where: { isPlaceholder: true, ...sameValue }, select: { id: true } });
  // The reviewer's input never carries the mark (ZContact drops unknown keys); only this sets it.
  return office || dideduc ? { ...guidance, contact: { ...guidance.contact, isPlaceholder: true } } : guidance;
}
