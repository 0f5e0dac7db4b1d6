import type { AcceptedTip } from './accepted-tip.ts';
import { LAGESBILD_AUDIT_ACTIONS } from '../schemas/lagesbild-options.ts';
import type { TipFlags } from '../schemas/tip.ts';

/**
 * The staff side's durable state, beside the TipStore in the same database:
 * the staff list, sign-in tokens, sessions, each tip's triage state and
 * notes, and the append-only audit trail. SQLite and PostgreSQL implement
 * it (src/store/staff/); tests/integration/staff-store-contract.test.ts runs
 * against both. Every change that staff make is written together with its
 * audit entry in one transaction. Times come in as arguments (the injected
 * clock). Nothing here ever holds an IP address or a user agent.
 */
export interface StaffStore {
  /** Adds a member; throws `StaffExistsError` when the email (or OIDC subject) is taken. */
  addStaff(input: NewStaffMember, by: AuditActor, now: number): Promise<StaffMember>;
  listStaff(): Promise<StaffMember[]>;
  findStaffById(id: number): Promise<StaffMember | undefined>;
  /** Case-insensitive. */
  findStaffByEmail(email: string): Promise<StaffMember | undefined>;
  findStaffByOidcSubject(subject: string): Promise<StaffMember | undefined>;
  /** Undefined when there is no such member. */
  changeRole(id: number, role: StaffRole, by: AuditActor, now: number): Promise<StaffMember | undefined>;
  /** Links (or unlinks, with null) the member's OIDC identity; throws `StaffExistsError` if another has it. */
  setOidcSubject(id: number, subject: string | null, by: AuditActor, now: number): Promise<StaffMember | undefined>;
  /** Deactivates the member and ends every session of theirs in the same transaction. */
  deactivateStaff(id: number, by: AuditActor, now: number): Promise<StaffMember | undefined>;
  /** Makes a deactivated member active again (admins only; audited). */
  reactivateStaff(id: number, by: AuditActor, now: number): Promise<StaffMember | undefined>;

  /** Stores a one-time sign-in token (its hash only). */
  createSigninToken(token: SigninToken): Promise<void>;
  /** Deletes the token and returns it if it existed and had not expired; a second call finds nothing. */
  consumeSigninToken(tokenHash: string, kind: SigninToken['kind'], now: number): Promise<SigninToken | undefined>;

  /**
   * Starts a session (its id's hash only) and audits the sign-in, in one
   * transaction. `replaces` (the hash of a session id the browser still
   * carried) is ended first: the id is new at every sign-in.
   */
  createSession(session: NewSession, method: SigninMethod, replaces: string | undefined): Promise<void>;
  /**
   * The live session and its active member; a session past its absolute end
   * or idle for `idleMs`, or of a deactivated member, is deleted and not returned.
   */
  findSession(idHash: string, now: number, idleMs: number): Promise<ActiveSession | undefined>;
  /** Records activity (idle timeout counts from here). */
  touchSession(idHash: string, now: number): Promise<void>;
  /** Ends the session and audits the sign-out. */
  endSession(idHash: string, by: AuditActor, now: number): Promise<void>;

  /** One page of the inbox, newest first, with the total that matches. */
  listInbox(filter: InboxFilter, viewerId: number, page: { offset: number; limit: number }): Promise<InboxPage>;
  /** The tip, its triage state and notes; marks it read by the viewer and audits the view, in one transaction. */
  viewTip(reference: string, by: StaffActor, now: number): Promise<TipRecord | undefined>;
  /** Status change (with the close reason or the lägesbild summary it needs), audited. False if no such tip. */
  changeStatus(reference: string, change: StatusChange, by: StaffActor, now: number): Promise<boolean>;
  /** Assigns the tip to a member (or nobody), audited. */
  assignTip(reference: string, assigneeId: number | null, by: StaffActor, now: number): Promise<boolean>;
  /** Adds an internal note, audited (the audit keeps its length, never its text). */
  addNote(reference: string, body: string, by: StaffActor, now: number): Promise<boolean>;
  /**
   * Rewrites the stored description through `edit` inside one transaction
   * with its audit entry (who, when, how many characters), so the original
   * is gone from the tip's row. Undefined when there is no such tip;
   * `removed: 0` when `edit` changed nothing (nothing is written).
   */
  redactTip(
    reference: string,
    edit: RedactionEdit,
    by: StaffActor,
    now: number,
  ): Promise<{ removed: number } | undefined>;

  /** Appends one audit entry (for features that record their own actions, e.g. exports). */
  appendAudit(entry: AuditEntryInput): Promise<void>;
  /** Audit entries, newest first. */
  listAudit(filter: AuditFilter, page: { offset: number; limit: number }): Promise<AuditPage>;
  /**
   * Daily upkeep: deletes audit entries older than `auditRetentionDays`,
   * expired sessions and expired sign-in tokens. The only deletion of audit
   * entries there is.
   */
  purgeStaffData(now: number, auditRetentionDays: number): Promise<StaffPurgeResult>;

  ping(): Promise<void>;
  close(): Promise<void>;
}

export const STAFF_ROLES = ['reader', 'handler', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const TIP_STATUSES = ['new', 'triaged', 'in-lagesbild', 'closed'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];

export const CLOSE_REASONS = ['handled', 'not-relevant', 'duplicate', 'passed-to-police', 'other'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export type SigninMethod = 'email-link' | 'oidc';

export interface StaffMember {
  id: number;
  /** Lower case. */
  email: string;
  displayName: string | null;
  role: StaffRole;
  /** The value of the configured OIDC claim (e.g. Entra ID's `oid`) that signs this member in. */
  oidcSubject: string | null;
  active: boolean;
  createdAt: number;
  deactivatedAt: number | null;
}

export interface NewStaffMember {
  email: string;
  role: StaffRole;
  displayName?: string | null;
  oidcSubject?: string | null;
}

/** Who did something: a staff member, or an operator at the command line (`id` null). */
export interface AuditActor {
  id: number | null;
  /** The member's email, or "kommandorad". */
  label: string;
}

/** A signed-in member acting through the staff pages. */
export interface StaffActor extends AuditActor {
  id: number;
}

export interface SigninToken {
  tokenHash: string;
  kind: 'email-link' | 'oidc';
  /** Email links: whom the link signs in. */
  staffId: number | null;
  /** OIDC: the state, nonce and PKCE verifier of the pending sign-in (JSON). */
  data: string | null;
  expiresAt: number;
}

export interface NewSession {
  idHash: string;
  staffId: number;
  csrfToken: string;
  now: number;
  /** Absolute end. */
  expiresAt: number;
}

export interface ActiveSession {
  idHash: string;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  staff: StaffMember;
}

export interface InboxFilter {
  status?: TipStatus;
  area?: string;
  /** Any of these events (a focus area's events, or one). */
  categories?: readonly string[];
  /** Accepted in [from, to). */
  from?: number;
  to?: number;
  /** A member's id, or "none" for unassigned tips. */
  assignee?: number | 'none';
  /**
   * The reference (any case), or a text contained in the description or the place, ignoring case,
   * every character literal; a text shorter than SEARCH_MIN_CHARACTERS finds only a reference.
   */
  text?: string;
}

/** The shortest text the inbox's search looks for in descriptions and places: one trigram of the full-text index. */
export const SEARCH_MIN_CHARACTERS = 3;

/** Whether `text` is long enough to be looked for in descriptions and places (counted in characters). */
export function searchable(text: string): boolean {
  return [...text].length >= SEARCH_MIN_CHARACTERS;
}

export interface InboxRow {
  reference: string;
  acceptedAt: number;
  category: string;
  area: string;
  happeningNow: boolean;
  personalData: boolean;
  status: TipStatus;
  assigneeId: number | null;
  assigneeEmail: string | null;
  /** Not yet opened by the viewer. */
  unread: boolean;
}

export interface InboxPage {
  rows: InboxRow[];
  /** How many tips match, counted up to 10,000 (INBOX_COUNT_CAP). */
  total: number;
  /** More than `total` match. */
  totalCapped: boolean;
}

export interface TipTriage {
  status: TipStatus;
  assigneeId: number | null;
  assigneeEmail: string | null;
  closeReason: CloseReason | null;
  /** What partners see in the lägesbild instead of the tip's text. */
  lagesbildSummary: string | null;
  updatedAt: number;
}

export interface TipNote {
  authorEmail: string;
  body: string;
  createdAt: number;
}

export interface TipRecord {
  tip: AcceptedTip;
  triage: TipTriage;
  notes: TipNote[];
  /** True while a delivery job is pending or dead: the purge keeps such tips. */
  deliveryPending: boolean;
}

export type StatusChange =
  | { status: 'new' | 'triaged' }
  | { status: 'in-lagesbild'; summary: string }
  | { status: 'closed'; reason: CloseReason };

/** Given the stored tip, returns the new description and flags and how many characters went; undefined: no change. */
export type RedactionEdit = (
  tip: AcceptedTip,
) => { description: string; flags: TipFlags; removed: number; detail: Record<string, string | number> } | undefined;

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-out',
  'view',
  'status',
  'assign',
  'note',
  'redact',
  'export',
  'staff-add',
  'staff-role',
  'staff-oidc',
  'staff-deactivate',
  'staff-reactivate',
  ...LAGESBILD_AUDIT_ACTIONS,
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Allow-listed details only: ids, codes and counts, never text a tipster or a note wrote. */
export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditEntryInput {
  at: number;
  actor: AuditActor;
  action: AuditAction;
  tipReference?: string | null;
  detail?: AuditDetail | null;
}

export interface AuditEntry {
  id: number;
  at: number;
  actorId: number | null;
  actor: string;
  action: AuditAction;
  /** The tip's reference; null once the retention purge deleted the tip (then `tipPurged`) or for no tip. */
  tipReference: string | null;
  /** The retention purge deleted this entry's tip and blanked its reference; the entry itself stays. */
  tipPurged: boolean;
  detail: AuditDetail | null;
}

export interface AuditFilter {
  actorId?: number;
  action?: AuditAction;
  tipReference?: string;
  from?: number;
  to?: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
}

export interface StaffPurgeResult {
  auditEntries: number;
  sessions: number;
  signinTokens: number;
}

/** The email or the OIDC subject is already on the staff list. */
export class StaffExistsError extends Error {
  override readonly name = 'StaffExistsError';
}
