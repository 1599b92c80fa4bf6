import type { Procedure, SignerOffice } from "@/lib/generated/prisma/enums";
import { getDefinition } from "./definitions";

// Who signs a procedure's certification, in signing order, read from its definition: the DIDEDUC
// when its signer has a "sign" transition (D.1.1, D.2.1), then the central office, which signs
// and issues ("sign_and_issue"). The central review's signature report expects this order.
export function signingOffices(procedure: Procedure): SignerOffice[] {
  const { transitions } = getDefinition(procedure);
  const offices: SignerOffice[] = [];
  if (transitions.some((t) => t.action === "sign" && t.roles.includes("DIDEDUC_SIGNER"))) offices.push("DIDEDUC");
  if (transitions.some((t) => t.action === "sign_and_issue")) offices.push("CENTRAL");
  return offices;
}
