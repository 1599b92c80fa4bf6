// Field name → messages, as zod's flattened errors and the workflow engine give them.
export type TFieldErrors = Record<string, string[]>;

// An expected refusal of the domain ("ese correo ya está registrado"): `message` is Spanish and
// safe to show as is; `fieldErrors` point at the inputs to correct. Anything that is not a
// DomainError (or one of the other user-facing errors below) is a bug, shown only as a request id.
export class DomainError extends Error {
  readonly code: string;
  readonly fieldErrors: TFieldErrors;

  constructor(code: string, message: string, fieldErrors: TFieldErrors = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

export type TUserFacingError = { code: string; message: string; fieldErrors: TFieldErrors };

// Errors of other modules whose `message` is Spanish and written for the user (workflow, delegations,
// uploads, signing). Matched by name so this module stays free of their imports.
const USER_FACING_ERROR_NAMES = new Set(["TransitionError", "DelegationError", "UploadError", "SigningError", "SigningRefusal"]);
// SIGNER_FAILED wraps a crash inside the signer: that one is a bug, logged with the request id.
const NOT_USER_FACING_CODES = new Set(["SIGNER_FAILED"]);

// Normalizes every expected refusal so one wrapper (lib/action.ts) turns it into form state.
export function toUserFacingError(e: unknown): TUserFacingError | null {
  if (!(e instanceof Error)) return null;
  if (!(e instanceof DomainError) && !USER_FACING_ERROR_NAMES.has(e.name)) return null;
  const { code, fieldErrors } = e as Error & { code?: unknown; fieldErrors?: unknown };
  if (typeof code !== "string" || NOT_USER_FACING_CODES.has(code)) return null;
  return { code, message: e.message, fieldErrors: isFieldErrors(fieldErrors) ? fieldErrors : {} };
}

function isFieldErrors(v: unknown): v is TFieldErrors {
  return typeof v === "object" && v !== null && Object.values(v).every((m) => Array.isArray(m) && m.every((x) => typeof x === "string"));
}
