import type { Role } from "../generated/prisma/enums";

// Who is acting: loaded from the session on the server, never taken from the client.
export type TActor = {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  dideducId: string | null;
};
