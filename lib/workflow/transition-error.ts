import type { TFieldErrors } from "./types";

export type TTransitionErrorCode = "NOT_FOUND" | "FORBIDDEN_ROLE" | "OUT_OF_SCOPE" | "INVALID_STATE" | "STALE_VERSION" | "INVALID_INPUT" | "HELD";

const DEFAULT_MESSAGES: Record<TTransitionErrorCode, string> = {
  NOT_FOUND: "La solicitud no existe.",
  FORBIDDEN_ROLE: "Su usuario no tiene permiso para realizar esta acción.",
  OUT_OF_SCOPE: "Esta solicitud no está a su cargo.",
  INVALID_STATE: "Esta acción ya no se puede realizar en el estado actual de la solicitud.",
  STALE_VERSION: "Alguien más modificó esta solicitud mientras usted la veía. Recargue la página y revise su estado actual.",
  INVALID_INPUT: "Revise los datos indicados.",
  // "Tomar" (decision 0023): the message names the holder; this is only the fallback.
  HELD: "Otra persona está revisando esta solicitud.",
};

// Refusals of the workflow engine. `message` is Spanish and safe to show to the user as is;
// nothing was changed when one is thrown.
export class TransitionError extends Error {
  readonly code: TTransitionErrorCode;
  readonly fieldErrors: TFieldErrors;

  constructor(code: TTransitionErrorCode, message?: string, fieldErrors: TFieldErrors = {}) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = "TransitionError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export function isTransitionError(e: unknown): e is TransitionError {
  return e instanceof TransitionError;
}
