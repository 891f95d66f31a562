// The result envelope every call returns, whatever the transport. Nothing throws across the boundary.

export type ErrorCode =
  | "UNKNOWN_METHOD"
  | "INVALID_INPUT"
  | "INVALID_OUTPUT"
  | "INTERNAL"
  | "UNAUTHORIZED"
  | "NOT_FOUND"
  | "UNAVAILABLE"
  | "CONFLICT"
  | "TRANSPORT";

export interface ContractError {
  code: ErrorCode;
  message: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export function ok<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

/** An error a service throws on purpose: its code and message reach the user as they are. */
export class ContractFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ContractFailure";
  }
}
