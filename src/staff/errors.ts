/** The signed-in member's role does not allow this (the route table already refused; this is the use case's own check). */
export class StaffForbiddenError extends Error {
  override readonly name = 'StaffForbiddenError';
}

/** What a staff member sent cannot be used (a missing close reason, an empty note …); `field` names the form field. */
export class StaffInputError extends Error {
  override readonly name = 'StaffInputError';
  readonly field: string;
  readonly code: string;
  constructor(field: string, code: string) {
    super(`${field}: ${code}`);
    this.field = field;
    this.code = code;
  }
}
