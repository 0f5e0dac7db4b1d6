import type { SignedIn } from '../../staff/actor.ts';

/** A staff form post's fields: one value, or several for repeated names (checkboxes). */
export type StaffForm = Record<string, string | string[]>;

declare module 'hono' {
  interface ContextVariableMap {
    /** The member the request's session cookie signs in (staff routes only). */
    signedIn: SignedIn | undefined;
    /** A staff POST's parsed form (set by the access guard). */
    staffForm: StaffForm;
  }
}

/** One value of a form field ("" when absent; the first when repeated). */
export function formValue(form: StaffForm, name: string): string {
  const value = form[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Every value of a form field. */
export function formValues(form: StaffForm, name: string): string[] {
  const value = form[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
