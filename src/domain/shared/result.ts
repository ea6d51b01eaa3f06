/**
 * Errors are values: a FieldError names the field (as a path) and carries a Chinese
 * message for the user and a stable code for programs.
 */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...errors: FieldError[]): Result<T> => ({ ok: false, errors });
export const fieldError = (field: string, code: string, message: string): FieldError => ({ field, code, message });

/** Thrown by app functions when input is rejected; the web and CLI layers turn it into a 400 / exit 2. */
export class InputError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => e.message).join('；'));
    this.name = 'InputError';
  }
}

/** Thrown when a record does not exist or the actor may not see it (the two look the same). */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** Thrown when the actor may see the record but not perform the act. */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}
