import { ClientError } from '../http/errors.ts';

/**
 * A staff member's role does not allow this (e.g. a reader trying to edit).
 * 403; the staff routes refuse such requests before any use case runs.
 */
export class LagesbildRoleError extends ClientError {
  override readonly name = 'LagesbildRoleError';
  readonly status = 403;
  readonly code = 'forbidden';
  constructor(required: string) {
    super(`this needs the role ${required} or higher`);
  }
}
