import type { Database, Statement } from 'better-sqlite3';
import { encodePayload, decodeTip } from '../stored-tip.ts';
import type {
  AuditEntryInput,
  InboxFilter,
  InboxPage,
  RedactionEdit,
  StaffActor,
  StatusChange,
  TipNote,
  TipRecord,
} from '../staff-store.ts';
import {
  cappedTotal,
  inboxCountQuery,
  inboxListQuery,
  SQLITE_INBOX,
  statusColumns,
  statusDetail,
  TIP_ROW_SELECT,
  toInboxRow,
  toTipRecord,
  type InboxSqlRow,
  type TipSqlRow,
} from './inbox-query.ts';

/** The inbox, triage, notes and redaction on SQLite; every change with its audit entry in one transaction. */
export function sqliteInbox(db: Database, audit: (entry: AuditEntryInput) => void) {
  // One statement per query shape (which filters are set): a handful, prepared once each.
  const statements = new Map<string, Statement<unknown[]>>();
  const prepared = (text: string) => {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare<unknown[]>(text);
      statements.set(text, statement);
    }
    return statement;
  };
  const tipByReference = db.prepare<[string], TipSqlRow>(`${TIP_ROW_SELECT} WHERE t.reference = ?`);
  const notesOf = db.prepare<[number], { author_email: string; body: string; created_at: number }>(
    `SELECT s.email AS author_email, n.body, n.created_at FROM tip_notes n JOIN staff s ON s.id = n.author_id
     WHERE n.tip_id = ? ORDER BY n.id`,
  );
  const markRead = db.prepare<[number, number]>('INSERT OR IGNORE INTO tip_reads (tip_id, staff_id) VALUES (?, ?)');
  const triageOf = db.prepare<[string], { tip_id: number; status: string; assignee_id: number | null }>(
    'SELECT i.tip_id, i.status, i.assignee_id FROM tip_inbox i JOIN tips t ON t.id = i.tip_id WHERE t.reference = ?',
  );
  const setStatus = db.prepare<[string, string | null, string | null, number, number]>(
    `UPDATE tip_inbox SET status = ?, close_reason = ?, lagesbild_summary = coalesce(?, lagesbild_summary),
       updated_at = ? WHERE tip_id = ?`,
  );
  const setAssignee = db.prepare<[number | null, number, number]>(
    'UPDATE tip_inbox SET assignee_id = ?, updated_at = ? WHERE tip_id = ?',
  );
  const insertNote = db.prepare<[number, number, string, number]>(
    'INSERT INTO tip_notes (tip_id, author_id, body, created_at) VALUES (?, ?, ?, ?)',
  );
  const payloadOf = db.prepare<
    [string],
    { id: number; reference: string; accepted_at: number; language: string; payload: string }
  >('SELECT id, reference, accepted_at, language, payload FROM tips WHERE reference = ?');
  const setPayload = db.prepare<[string, number]>('UPDATE tips SET payload = ? WHERE id = ?');
  const setPersonalData = db.prepare<[number, number, number]>(
    'UPDATE tip_inbox SET personal_data = ?, updated_at = ? WHERE tip_id = ?',
  );

  const notes = (tipId: number): TipNote[] =>
    notesOf.all(tipId).map((row) => ({ authorEmail: row.author_email, body: row.body, createdAt: row.created_at }));

  return {
    list(filter: InboxFilter, viewerId: number, page: { offset: number; limit: number }): InboxPage {
      const list = inboxListQuery(filter, viewerId, page, SQLITE_INBOX);
      const count = inboxCountQuery(filter, SQLITE_INBOX);
      const rows = prepared(list.text).all(...list.params) as InboxSqlRow[];
      const counted = (prepared(count.text).get(...count.params) as { n: number }).n;
      return { rows: rows.map(toInboxRow), ...cappedTotal(counted) };
    },

    view: (reference: string, by: StaffActor, now: number): TipRecord | undefined =>
      db
        .transaction(() => {
          const row = tipByReference.get(reference);
          if (!row) return undefined;
          markRead.run(row.id, by.id);
          audit({ at: now, actor: by, action: 'view', tipReference: reference });
          return toTipRecord(row, notes(row.id));
        })
        .immediate(),

    changeStatus: (reference: string, change: StatusChange, by: StaffActor, now: number): boolean =>
      db
        .transaction(() => {
          const triage = triageOf.get(reference);
          if (!triage) return false;
          const { status, reason, summary } = statusColumns(change);
          setStatus.run(status, reason, summary, now, triage.tip_id);
          audit({
            at: now,
            actor: by,
            action: 'status',
            tipReference: reference,
            detail: statusDetail(triage.status, change),
          });
          return true;
        })
        .immediate(),

    assign: (reference: string, assigneeId: number | null, by: StaffActor, now: number): boolean =>
      db
        .transaction(() => {
          const triage = triageOf.get(reference);
          if (!triage) return false;
          setAssignee.run(assigneeId, now, triage.tip_id);
          audit({
            at: now,
            actor: by,
            action: 'assign',
            tipReference: reference,
            detail: { from: triage.assignee_id, to: assigneeId },
          });
          return true;
        })
        .immediate(),

    addNote: (reference: string, body: string, by: StaffActor, now: number): boolean =>
      db
        .transaction(() => {
          const triage = triageOf.get(reference);
          if (!triage) return false;
          insertNote.run(triage.tip_id, by.id, body, now);
          audit({
            at: now,
            actor: by,
            action: 'note',
            tipReference: reference,
            detail: { characters: [...body].length },
          });
          return true;
        })
        .immediate(),

    redact(reference: string, edit: RedactionEdit, by: StaffActor, now: number): { removed: number } | undefined {
      const result = db
        .transaction(() => {
          const row = payloadOf.get(reference);
          if (!row) return undefined;
          const accepted = decodeTip(row);
          const change = edit(accepted);
          if (!change || change.removed === 0) return { removed: 0 };
          setPayload.run(encodePayload({ ...accepted.tip, description: change.description }, change.flags), row.id);
          setPersonalData.run(change.flags.personalData.length > 0 ? 1 : 0, now, row.id);
          audit({
            at: now,
            actor: by,
            action: 'redact',
            tipReference: reference,
            detail: { characters: change.removed, ...change.detail },
          });
          return { removed: change.removed };
        })
        .immediate();
      // secure_delete has overwritten the old text in the page; copy the page into the main
      // file and empty the WAL, so no earlier frame keeps the original either.
      if (result && result.removed > 0) db.pragma('wal_checkpoint(TRUNCATE)');
      return result;
    },
  };
}
