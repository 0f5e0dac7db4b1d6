import { connectPostgres, type Sql } from '../postgres/connect.ts';
import { decodeTip, encodePayload } from '../stored-tip.ts';
import {
  StaffExistsError,
  type AuditActor,
  type AuditEntryInput,
  type StaffMember,
  type StaffStore,
} from '../staff-store.ts';
import { auditCountQuery, auditListQuery } from './audit-query.ts';
import {
  cappedTotal,
  inboxCountQuery,
  inboxListQuery,
  POSTGRES_INBOX,
  statusColumns,
  statusDetail,
  TIP_ROW_SELECT,
  toInboxRow,
  toTipRecord,
  type InboxSqlRow,
  type TipSqlRow,
} from './inbox-query.ts';
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

/**
 * The staff store on PostgreSQL: a small pool of its own on the tip store's
 * database (migrated by the tip store). Every change runs in one
 * transaction with its audit entry. An UPDATE leaves the old row version in
 * the table until (auto)vacuum reclaims it, so a redacted original lingers
 * on disk until then (README "Staff side": use encrypted storage).
 */
export function createPostgresStaffStore(url: string, poolSize: number): StaffStore {
  const sql = connectPostgres(url, poolSize);
  const audit = async (tx: Sql, entry: AuditEntryInput) => {
    const [at, actorId, actor, action, reference, detail] = auditValues(entry);
    await tx`INSERT INTO audit_log (at, actor_id, actor, action, tip_reference, detail)
             VALUES (${at}, ${actorId}, ${actor}, ${action}, ${reference}, ${detail})`;
  };
  const staffSelect = (tx: Sql, id: number) =>
    tx<StaffRow[]>`SELECT id, email, display_name, role, oidc_subject, active, created_at, deactivated_at
                   FROM staff WHERE id = ${id}`.then(([row]) => (row ? toStaffMember(row) : undefined));
  const uniqueViolation = (error: unknown) => error instanceof Error && 'code' in error && error.code === '23505';

  const changeMember = (
    id: number,
    change: (tx: Sql, before: StaffMember) => Promise<unknown>,
    by: AuditActor,
    now: number,
    action: AuditEntryInput['action'],
    detail: (before: StaffMember) => AuditEntryInput['detail'],
  ): Promise<StaffMember | undefined> =>
    sql.begin(async (tx) => {
      const before = await staffSelect(tx, id);
      if (!before) return undefined;
      await change(tx, before);
      await audit(tx, { at: now, actor: by, action, detail: { staffId: id, ...detail(before) } });
      return staffSelect(tx, id);
    });

  const tipTriage = (tx: Sql, reference: string) =>
    tx<{ tip_id: number; status: string; assignee_id: number | null }[]>`
      SELECT i.tip_id, i.status, i.assignee_id FROM tip_inbox i JOIN tips t ON t.id = i.tip_id
      WHERE t.reference = ${reference} FOR UPDATE OF i`.then(([row]) => row);

  return {
    async addStaff(input, by, now) {
      try {
        return await sql.begin(async (tx) => {
          const [row] = await tx<StaffRow[]>`
            INSERT INTO staff (email, display_name, role, oidc_subject, created_at)
            VALUES (${normaliseEmail(input.email)}, ${input.displayName ?? null}, ${input.role},
                    ${input.oidcSubject ?? null}, ${now})
            RETURNING id, email, display_name, role, oidc_subject, active, created_at, deactivated_at`;
          if (!row) throw new Error('staff insert returned nothing');
          await audit(tx, {
            at: now,
            actor: by,
            action: 'staff-add',
            detail: { staffId: Number(row.id), role: input.role },
          });
          return toStaffMember(row);
        });
      } catch (error) {
        if (uniqueViolation(error)) throw new StaffExistsError('already on the staff list');
        throw error;
      }
    },
    listStaff: async () =>
      (await sql.unsafe<StaffRow[]>(`SELECT ${STAFF_COLUMNS} FROM staff ORDER BY active DESC, email`)).map(
        toStaffMember,
      ),
    findStaffById: (id) => staffSelect(sql, id),
    async findStaffByEmail(email) {
      const [row] = await sql<StaffRow[]>`SELECT id, email, display_name, role, oidc_subject, active, created_at,
        deactivated_at FROM staff WHERE email = ${normaliseEmail(email)}`;
      return row ? toStaffMember(row) : undefined;
    },
    async findStaffByOidcSubject(subject) {
      const [row] = await sql<StaffRow[]>`SELECT id, email, display_name, role, oidc_subject, active, created_at,
        deactivated_at FROM staff WHERE oidc_subject = ${subject}`;
      return row ? toStaffMember(row) : undefined;
    },
    changeRole: (id, role, by, now) =>
      changeMember(
        id,
        (tx) => tx`UPDATE staff SET role = ${role} WHERE id = ${id}`,
        by,
        now,
        'staff-role',
        (before) => ({
          from: before.role,
          to: role,
        }),
      ),
    async setOidcSubject(id, subject, by, now) {
      try {
        return await changeMember(
          id,
          (tx) => tx`UPDATE staff SET oidc_subject = ${subject} WHERE id = ${id}`,
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
    deactivateStaff: (id, by, now) =>
      changeMember(
        id,
        async (tx) => {
          await tx`UPDATE staff SET active = false, deactivated_at = ${now} WHERE id = ${id}`;
          await tx`DELETE FROM staff_sessions WHERE staff_id = ${id}`;
        },
        by,
        now,
        'staff-deactivate',
        () => ({}),
      ),
    reactivateStaff: (id, by, now) =>
      changeMember(
        id,
        (tx) => tx`UPDATE staff SET active = true, deactivated_at = NULL WHERE id = ${id}`,
        by,
        now,
        'staff-reactivate',
        () => ({}),
      ),

    async createSigninToken(token) {
      await sql`INSERT INTO staff_signin_tokens (token_hash, kind, staff_id, data, expires_at)
                VALUES (${token.tokenHash}, ${token.kind}, ${token.staffId}, ${token.data}, ${token.expiresAt})`;
    },
    async consumeSigninToken(tokenHash, kind, now) {
      const [row] = await sql<{ staff_id: number | null; data: string | null; expires_at: number }[]>`
        DELETE FROM staff_signin_tokens WHERE token_hash = ${tokenHash} AND kind = ${kind}
        RETURNING staff_id, data, expires_at`;
      if (!row || row.expires_at <= now) return undefined;
      return {
        tokenHash,
        kind,
        staffId: row.staff_id === null ? null : Number(row.staff_id),
        data: row.data,
        expiresAt: row.expires_at,
      };
    },

    async createSession(session, method, replaces) {
      await sql.begin(async (tx) => {
        if (replaces !== undefined) await tx`DELETE FROM staff_sessions WHERE id_hash = ${replaces}`;
        await tx`INSERT INTO staff_sessions (id_hash, staff_id, csrf_token, created_at, last_seen_at, expires_at)
                 VALUES (${session.idHash}, ${session.staffId}, ${session.csrfToken}, ${session.now}, ${session.now},
                         ${session.expiresAt})`;
        const staff = await staffSelect(tx, session.staffId);
        await audit(tx, {
          at: session.now,
          actor: { id: session.staffId, label: staff?.email ?? String(session.staffId) },
          action: 'sign-in',
          detail: { method },
        });
      });
    },
    async findSession(idHash, now, idleMs) {
      const [row] = await sql<
        (StaffRow & { csrf_token: string; s_created_at: number; last_seen_at: number; expires_at: number })[]
      >`
        SELECT s.csrf_token, s.created_at AS s_created_at, s.last_seen_at, s.expires_at,
               m.id, m.email, m.display_name, m.role, m.oidc_subject, m.active, m.created_at, m.deactivated_at
        FROM staff_sessions s JOIN staff m ON m.id = s.staff_id WHERE s.id_hash = ${idHash}`;
      if (!row) return undefined;
      if (!row.active || row.expires_at <= now || row.last_seen_at + idleMs <= now) {
        await sql`DELETE FROM staff_sessions WHERE id_hash = ${idHash}`;
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
      await sql`UPDATE staff_sessions SET last_seen_at = ${now} WHERE id_hash = ${idHash}`;
    },
    async endSession(idHash, by, now) {
      await sql.begin(async (tx) => {
        const ended = await tx`DELETE FROM staff_sessions WHERE id_hash = ${idHash}`;
        if (ended.count > 0) await audit(tx, { at: now, actor: by, action: 'sign-out' });
      });
    },

    async listInbox(filter, viewerId, page) {
      const count = inboxCountQuery(filter, POSTGRES_INBOX);
      const counting = sql.unsafe<{ n: number }[]>(count.text, count.params as never[]);
      // A text search's plan depends on how many tips match (text-search.ts): count first.
      const counted = filter.text ? Number((await counting)[0]?.n ?? 0) : 0;
      const list = inboxListQuery(filter, viewerId, page, POSTGRES_INBOX, counted);
      const [rows, [total]] = await Promise.all([
        sql.unsafe<InboxSqlRow[]>(list.text, list.params as never[]),
        counting,
      ]);
      return { rows: rows.map(toInboxRow), ...cappedTotal(Number(total?.n ?? 0)) };
    },
    viewTip: (reference, by, now) =>
      sql.begin(async (tx) => {
        const [row] = await tx.unsafe<TipSqlRow[]>(`${TIP_ROW_SELECT} WHERE t.reference = $1`, [reference]);
        if (!row) return undefined;
        await tx`INSERT INTO tip_reads (tip_id, staff_id) VALUES (${row.id}, ${by.id}) ON CONFLICT DO NOTHING`;
        await audit(tx, { at: now, actor: by, action: 'view', tipReference: reference });
        const notes = await tx<{ author_email: string; body: string; created_at: number }[]>`
          SELECT s.email AS author_email, n.body, n.created_at FROM tip_notes n JOIN staff s ON s.id = n.author_id
          WHERE n.tip_id = ${row.id} ORDER BY n.id`;
        return toTipRecord(
          row,
          notes.map((note) => ({ authorEmail: note.author_email, body: note.body, createdAt: note.created_at })),
        );
      }),
    changeStatus: (reference, change, by, now) =>
      sql.begin(async (tx) => {
        const triage = await tipTriage(tx, reference);
        if (!triage) return false;
        const { status, reason, summary } = statusColumns(change);
        await tx`UPDATE tip_inbox SET status = ${status}, close_reason = ${reason},
                   lagesbild_summary = coalesce(${summary}, lagesbild_summary), updated_at = ${now}
                 WHERE tip_id = ${triage.tip_id}`;
        await audit(tx, {
          at: now,
          actor: by,
          action: 'status',
          tipReference: reference,
          detail: statusDetail(triage.status, change),
        });
        return true;
      }),
    assignTip: (reference, assigneeId, by, now) =>
      sql.begin(async (tx) => {
        const triage = await tipTriage(tx, reference);
        if (!triage) return false;
        await tx`UPDATE tip_inbox SET assignee_id = ${assigneeId}, updated_at = ${now} WHERE tip_id = ${triage.tip_id}`;
        await audit(tx, {
          at: now,
          actor: by,
          action: 'assign',
          tipReference: reference,
          detail: { from: triage.assignee_id === null ? null : Number(triage.assignee_id), to: assigneeId },
        });
        return true;
      }),
    addNote: (reference, body, by, now) =>
      sql.begin(async (tx) => {
        const triage = await tipTriage(tx, reference);
        if (!triage) return false;
        await tx`INSERT INTO tip_notes (tip_id, author_id, body, created_at) VALUES (${triage.tip_id}, ${by.id}, ${body}, ${now})`;
        await audit(tx, {
          at: now,
          actor: by,
          action: 'note',
          tipReference: reference,
          detail: { characters: [...body].length },
        });
        return true;
      }),
    redactTip: (reference, edit, by, now) =>
      sql.begin(async (tx) => {
        const [row] = await tx<
          { id: number; reference: string; accepted_at: number; language: string; payload: string }[]
        >`
          SELECT id, reference, accepted_at, language, payload FROM tips WHERE reference = ${reference} FOR UPDATE`;
        if (!row) return undefined;
        const accepted = decodeTip(row);
        const change = edit(accepted);
        if (!change || change.removed === 0) return { removed: 0 };
        await tx`UPDATE tips SET payload = ${encodePayload({ ...accepted.tip, description: change.description }, change.flags)}
                 WHERE id = ${row.id}`;
        await tx`UPDATE tip_inbox SET personal_data = ${change.flags.personalData.length > 0}, updated_at = ${now}
                 WHERE tip_id = ${row.id}`;
        await audit(tx, {
          at: now,
          actor: by,
          action: 'redact',
          tipReference: reference,
          detail: { characters: change.removed, ...change.detail },
        });
        return { removed: change.removed };
      }),

    async appendAudit(entry) {
      await audit(sql, entry);
    },
    async listAudit(filter, page) {
      const list = auditListQuery(filter, page, '$');
      const count = auditCountQuery(filter, '$');
      const [rows, [total]] = await Promise.all([
        sql.unsafe<AuditRow[]>(list.text, list.params as never[]),
        sql.unsafe<{ n: number }[]>(count.text, count.params as never[]),
      ]);
      return { entries: rows.map(toAuditEntry), total: Number(total?.n ?? 0) };
    },
    purgeStaffData: (now, auditRetentionDays) =>
      sql.begin(async (tx) => ({
        auditEntries: (await tx`DELETE FROM audit_log WHERE at < ${now - auditRetentionDays * DAY_MS}`).count,
        sessions: (await tx`DELETE FROM staff_sessions WHERE expires_at <= ${now}`).count,
        signinTokens: (await tx`DELETE FROM staff_signin_tokens WHERE expires_at <= ${now}`).count,
      })),
    async ping() {
      await sql`SELECT 1`;
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
