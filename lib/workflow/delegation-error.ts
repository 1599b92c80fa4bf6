import type { TFieldErrors } from "./types";

export type TDelegationErrorCode = "FORBIDDEN" | "NOT_FOUND" | "INVALID_INPUT";

// Refusals when creating or revoking a delegation; `message` is Spanish and safe to show.
export class DelegationError extends Error {
  readonly code: TDelegationErrorCode;
  readonly fieldErrors: TFieldErrors;

  constructor(code: TDelegationErrorCode, message: string, fieldErrors: TFieldErrors = {}) {
    super(message);
    this.name = "DelegationError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}
