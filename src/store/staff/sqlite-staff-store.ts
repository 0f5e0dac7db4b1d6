import { openSqliteDatabase } from '../sqlite/open-database.ts';
import {
  StaffExistsError,
  type ActiveSession,
  type AuditActor,
  type AuditEntryInput,
  type StaffMember,
  type StaffStore,
} from '../staff-store.ts';
import {
  auditValues,
  DAY_MS,
  normaliseEmail,
  STAFF_COLUMNS,
  toAuditEntry,
  toStaffMember,
  type AuditRow,
  type StaffRow,
} from './rows.ts';
import { sqliteInbox } from './sqlite-inbox.ts';
import { auditCountQuery, auditListQuery, type Query } from './audit-query.ts';

/**
 * The staff store on SQLite: its own connection to the tip store's file
 * (opened after the tip store has migrated it, so the tables exist). Every
 * change runs in an IMMEDIATE transaction with its audit entry.
 */
export function createSqliteStaffStore(file: string): StaffStore {
  const db = openSqliteDatabase(file, { mustExist: true });
  const insertAudit = db.prepare<[number, number | null, string, string, string | null, string | null]>(
    'INSERT INTO audit_log (at, actor_id, actor, action, tip_reference, detail) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const audit = (entry: AuditEntryInput) => insertAudit.run(...auditValues(entry));

  const byId = db.prepare<[number], StaffRow>(`SELECT ${STAFF_COLUMNS} FROM staff WHERE id = ?`);
  const byEmail = db.prepare<[string], StaffRow>(`SELECT ${STAFF_COLUMNS} FROM staff WHERE email = ?`);
  const bySubject = db.prepare<[string], StaffRow>(`SELECT ${STAFF_COLUMNS} FROM staff WHERE oidc_subject = ?`);
  const all = db.prepare<[], StaffRow>(`SELECT ${STAFF_COLUMNS} FROM staff ORDER BY active DESC, email`);
  const insertStaff = db.prepare<[string, string | null, string, string | null, number], StaffRow>(
    `INSERT INTO staff (email, display_name, role, oidc_subject, created_at) VALUES (?, ?, ?, ?, ?)
     RETURNING ${STAFF_COLUMNS}`,
  );
  const setRole = db.prepare<[string, number]>('UPDATE staff SET role = ? WHERE id = ?');
  const setSubject = db.prepare<[string | null, number]>('UPDATE staff SET oidc_subject = ? WHERE id = ?');
  const setActive = db.prepare<[number, number | null, number]>(
    'UPDATE staff SET active = ?, deactivated_at = ? WHERE id = ?',
  );
  const endSessionsOf = db.prepare<[number]>('DELETE FROM staff_sessions WHERE staff_id = ?');

  const insertToken = db.prepare<[string, string, number | null, string | null, number]>(
    'INSERT INTO staff_signin_tokens (token_hash, kind, staff_id, data, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const takeToken = db.prepare<
    [string, string],
    {
      token_hash: string;
      kind: 'email-link' | 'oidc';
      staff_id: number | null;
      data: string | null;
      expires_at: number;
    }
  >('DELETE FROM staff_signin_tokens WHERE token_hash = ? AND kind = ? RETURNING *');

  const insertSession = db.prepare<[string, number, string, number, number, number]>(
    `INSERT INTO staff_sessions (id_hash, staff_id, csrf_token, created_at, last_seen_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const deleteSession = db.prepare<[string]>('DELETE FROM staff_sessions WHERE id_hash = ?');
  const sessionRow = db.prepare<
    [string],
    StaffRow & { csrf_token: string; s_created_at: number; last_seen_at: number; expires_at: number }
  >(
    `SELECT s.csrf_token, s.created_at AS s_created_at, s.last_seen_at, s.expires_at,
            m.id, m.email, m.display_name, m.role, m.oidc_subject, m.active, m.created_at, m.deactivated_at
     FROM staff_sessions s JOIN staff m ON m.id = s.staff_id WHERE s.id_hash = ?`,
  );
  const touch = db.prepare<[number, string]>('UPDATE staff_sessions SET last_seen_at = ? WHERE id_hash = ?');

  const purgeAudit = db.prepare<[number]>('DELETE FROM audit_log WHERE at < ?');
  const purgeSessions = db.prepare<[number]>('DELETE FROM staff_sessions WHERE expires_at <= ?');
  const purgeTokens = db.prepare<[number]>('DELETE FROM staff_signin_tokens WHERE expires_at <= ?');

  const member = (row: StaffRow | undefined) => (row ? toStaffMember(row) : undefined);
  const uniqueViolation = (error: unknown) =>
    error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT_UNIQUE');

  /** Runs `change` and its audit entry in one IMMEDIATE transaction; returns the member after it. */
  const changeMember = (
    id: number,
    change: (before: StaffMember) => void,
    by: AuditActor,
    now: number,
    action: AuditEntryInput['action'],
    detail: (before: StaffMember) => AuditEntryInput['detail'],
  ): StaffMember | undefined =>
    db
      .transaction(() => {
        const before = member(byId.get(id));
        if (!before) return undefined;
        change(before);
        audit({ at: now, actor: by, action, detail: { staffId: id, ...detail(before) } });
        return member(byId.get(id));
      })
      .immediate();

  const inbox = sqliteInbox(db, audit);

  const rows = <Row>(query: Query) => db.prepare<unknown[], Row>(query.text).all(...query.params);

  return {
    async addStaff(input, by, now) {
      try {
        return db
          .transaction(() => {
            const row = insertStaff.get(
              normaliseEmail(input.email),
              input.displayName ?? null,
              input.role,
              input.oidcSubject ?? null,
              now,
            );
            if (!row) throw new Error('staff insert returned nothing');
            audit({ at: now, actor: by, action: 'staff-add', detail: { staffId: row.id, role: input.role } });
            return toStaffMember(row);
          })
          .immediate();
      } catch (error) {
        if (uniqueViolation(error)) throw new StaffExistsError('already on the staff list');
        throw error;
      }
    },
    listStaff: async () => all.all().map(toStaffMember),
    findStaffById: async (id) => member(byId.get(id)),
    findStaffByEmail: async (email) => member(byEmail.get(normaliseEmail(email))),
    findStaffByOidcSubject: async (subject) => member(bySubject.get(subject)),
    changeRole: async (id, role, by, now) =>
      changeMember(
        id,
        () => setRole.run(role, id),
        by,
        now,
        'staff-role',
        (before) => ({ from: before.role, to: role }),
      ),
    async setOidcSubject(id, subject, by, now) {
      try {
        return changeMember(
          id,
          () => setSubject.run(subject, id),
          by,
          now,
          'staff-oidc',
          () => ({ linked: subject !== null }),
        );
      } catch (error) {
        if (uniqueViolation(error)) throw new StaffExistsError('that OIDC identity belongs to another member');
        throw error;
      }
    },
    deactivateStaff: async (id, by, now) =>
      changeMember(
        id,
        () => {
          setActive.run(0, now, id);
          endSessionsOf.run(id);
        },
        by,
        now,
        'staff-deactivate',
        () => ({}),
      ),
    reactivateStaff: async (id, by, now) =>
      changeMember(
        id,
        () => setActive.run(1, null, id),
        by,
        now,
        'staff-reactivate',
        () => ({}),
      ),

    async createSigninToken(token) {
      insertToken.run(token.tokenHash, token.kind, token.staffId, token.data, token.expiresAt);
    },
    async consumeSigninToken(tokenHash, kind, now) {
      const row = takeToken.get(tokenHash, kind);
      if (!row || row.expires_at <= now) return undefined;
      return { tokenHash, kind: row.kind, staffId: row.staff_id, data: row.data, expiresAt: row.expires_at };
    },

    async createSession(session, method, replaces) {
      db.transaction(() => {
        if (replaces !== undefined) deleteSession.run(replaces);
        insertSession.run(
          session.idHash,
          session.staffId,
          session.csrfToken,
          session.now,
          session.now,
          session.expiresAt,
        );
        const staff = member(byId.get(session.staffId));
        audit({
          at: session.now,
          actor: { id: session.staffId, label: staff?.email ?? String(session.staffId) },
          action: 'sign-in',
          detail: { method },
        });
      }).immediate();
    },
    async findSession(idHash, now, idleMs): Promise<ActiveSession | undefined> {
      const row = sessionRow.get(idHash);
      if (!row) return undefined;
      if (!row.active || row.expires_at <= now || row.last_seen_at + idleMs <= now) {
        deleteSession.run(idHash);
        return undefined;
      }
      return {
        idHash,
        csrfToken: row.csrf_token,
        createdAt: row.s_created_at,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
        staff: toStaffMember(row),
      };
    },
    async touchSession(idHash, now) {
      touch.run(now, idHash);
    },
    async endSession(idHash, by, now) {
      db.transaction(() => {
        if (deleteSession.run(idHash).changes > 0) audit({ at: now, actor: by, action: 'sign-out' });
      }).immediate();
    },

    listInbox: async (filter, viewerId, page) => inbox.list(filter, viewerId, page),
    viewTip: async (reference, by, now) => inbox.view(reference, by, now),
    changeStatus: async (reference, change, by, now) => inbox.changeStatus(reference, change, by, now),
    assignTip: async (reference, assigneeId, by, now) => inbox.assign(reference, assigneeId, by, now),
    addNote: async (reference, body, by, now) => inbox.addNote(reference, body, by, now),
    redactTip: async (reference, edit, by, now) => inbox.redact(reference, edit, by, now),

    async appendAudit(entry) {
      audit(entry);
    },
    async listAudit(filter, page) {
      const entries = rows<AuditRow>(auditListQuery(filter, page, '?')).map(toAuditEntry);
      const total = rows<{ n: number }>(auditCountQuery(filter, '?'))[0]?.n ?? 0;
      return { entries, total: Number(total) };
    },
    async purgeStaffData(now, auditRetentionDays) {
      return db
        .transaction(() => ({
          auditEntries: purgeAudit.run(now - auditRetentionDays * DAY_MS).changes,
          sessions: purgeSessions.run(now).changes,
          signinTokens: purgeTokens.run(now).changes,
        }))
        .immediate();
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
