import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { flagsOf, isoDate, validateSubmission } from '../../src/schemas/tip.ts';
import { redactionEdit, REDACTED_MARK } from '../../src/staff/redaction.ts';
import { createPostgresTipStore } from '../../src/store/postgres/postgres-tip-store.ts';
import { createSqliteTipStore } from '../../src/store/sqlite/sqlite-tip-store.ts';
import { createPostgresStaffStore } from '../../src/store/staff/postgres-staff-store.ts';
import { createSqliteStaffStore } from '../../src/store/staff/sqlite-staff-store.ts';
import { StaffExistsError, type StaffActor, type StaffStore } from '../../src/store/staff-store.ts';
import type { AcceptTipInput, TipStore } from '../../src/store/tip-store.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import { startPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { TEST_POLICY } from '../helpers/store-policy.ts';

/**
 * The StaffStore contract on SQLite and on a real PostgreSQL: the staff
 * list, one-time tokens, sessions (rotation, idle and absolute expiry,
 * deactivation), the inbox and its filters, triage with its audit entries,
 * redaction and the append-only audit trail. Time moves only through the
 * arguments.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 10, 30, 12, 0);
const CLI = { id: null, label: 'kommandorad' };
/** Email only: a tip whose email was sent is purgeable after the retention period. */
const POLICY = { ...TEST_POLICY, channels: ['email'] as const };

function tipInput(fixture: string, acceptedAt = T0, fields: Record<string, string> = {}): AcceptTipInput {
  const parsed = validateSubmission({ ...tipFixture(fixture).fields, ...fields }, isoDate(acceptedAt + DAY));
  if (!parsed.success) throw new Error(`fixture ${fixture} does not validate`);
  const { lang: _l, formToken: _t, idempotencyKey: _k, website: _w, ...tip } = parsed.data;
  return { idempotencyKey: undefined, acceptedAt, language: 'sv', tip, flags: flagsOf(tip) };
}

interface Stores {
  tips: TipStore;
  staff: StaffStore;
  /** Runs raw SQL as another client would (to try changing the audit trail behind the store's back). */
  raw(text: string): Promise<void>;
  /** Every byte the database keeps on disk, where the backend lets a test read it (SQLite). */
  files(): Buffer[] | undefined;
  /** The trigrams the SQLite full-text index holds for a tip (FTS5 vocabulary); undefined on PostgreSQL. */
  indexedTrigrams(tipReference: string): string[] | undefined;
  cleanup(): Promise<void>;
}

interface Backend {
  name: string;
  setup?: () => Promise<void>;
  teardown?: () => Promise<void>;
  fresh(): Promise<Stores>;
}

const sqliteBackend: Backend = {
  name: 'SQLite',
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'staff-store-'));
    const file = join(dir, 'tips.sqlite');
    const tips = createSqliteTipStore({ file, policy: POLICY, now: T0 });
    const staff = createSqliteStaffStore(file);
    return {
      tips,
      staff,
      async raw(text) {
        const db = new BetterSqlite3(file);
        try {
          db.exec(text);
        } finally {
          db.close();
        }
      },
      files: () => readdirSync(dir).map((name) => readFileSync(join(dir, name))),
      indexedTrigrams(tipReference) {
        const db = new BetterSqlite3(file);
        try {
          db.exec("CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, 'tip_search', 'instance')");
          return db
            .prepare<[string], string>(
              `SELECT DISTINCT term FROM temp.vocabulary WHERE doc = (SELECT id FROM tips WHERE reference = ?)`,
            )
            .pluck()
            .all(tipReference);
        } finally {
          db.close();
        }
      },
      async cleanup() {
        await staff.close();
        await tips.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

let server: TestPostgres | undefined;
const postgresBackend: Backend = {
  name: 'PostgreSQL',
  async setup() {
    server = await startPostgres();
  },
  async teardown() {
    await server?.stop();
  },
  async fresh() {
    if (!server) throw new Error('PostgreSQL not started');
    const url = await server.createDatabase();
    const tips = await createPostgresTipStore({ url, poolSize: 4, policy: POLICY, now: T0 });
    const staff = createPostgresStaffStore(url, 2);
    return {
      tips,
      staff,
      async raw(text) {
        const sql = postgres(url, { max: 1, onnotice: () => undefined });
        try {
          await sql.unsafe(text);
        } finally {
          await sql.end();
        }
      },
      files: () => undefined,
      indexedTrigrams: () => undefined,
      async cleanup() {
        await staff.close();
        await tips.close();
      },
    };
  },
};

describe.each([sqliteBackend, postgresBackend])('StaffStore contract on $name', (backend) => {
  let stores: Stores;
  let staff: StaffStore;
  let tips: TipStore;

  beforeAll(async () => {
    await backend.setup?.();
  });
  afterAll(async () => {
    await backend.teardown?.();
  });
  const fresh = async () => {
    stores = await backend.fresh();
    staff = stores.staff;
    tips = stores.tips;
  };
  afterEach(async () => {
    await stores?.cleanup();
  });

  const handler = async (email = 'hanna@huge.se'): Promise<StaffActor> => {
    const member = await staff.addStaff({ email, role: 'handler' }, CLI, T0);
    return { id: member.id, label: member.email };
  };

  describe('the staff list', () => {
    it('adds, finds (case-insensitively), changes role, links OIDC and deactivates, auditing each', async () => {
      await fresh();
      const anna = await staff.addStaff({ email: ' Anna@Huge.se ', role: 'admin', displayName: 'Anna' }, CLI, T0);
      expect(anna).toMatchObject({ email: 'anna@huge.se', role: 'admin', active: true, oidcSubject: null });
      await expect(staff.addStaff({ email: 'ANNA@huge.se', role: 'reader' }, CLI, T0)).rejects.toBeInstanceOf(
        StaffExistsError,
      );
      expect((await staff.findStaffByEmail('anna@HUGE.se'))?.id).toBe(anna.id);
      const by = { id: anna.id, label: anna.email };
      const bo = await staff.addStaff({ email: 'bo@huge.se', role: 'reader' }, by, T0);
      expect((await staff.changeRole(bo.id, 'handler', by, T0 + 1))?.role).toBe('handler');
      expect((await staff.setOidcSubject(bo.id, 'oid-bo', by, T0 + 2))?.oidcSubject).toBe('oid-bo');
      await expect(staff.setOidcSubject(anna.id, 'oid-bo', by, T0 + 3)).rejects.toBeInstanceOf(StaffExistsError);
      expect((await staff.findStaffByOidcSubject('oid-bo'))?.id).toBe(bo.id);
      expect((await staff.deactivateStaff(bo.id, by, T0 + 4))?.active).toBe(false);
      expect(await staff.changeRole(9999, 'admin', by, T0)).toBeUndefined();
      expect((await staff.listStaff()).map((m) => m.email)).toEqual(['anna@huge.se', 'bo@huge.se']);

      const { entries } = await staff.listAudit({}, { offset: 0, limit: 50 });
      expect(entries.map((e) => e.action)).toEqual([
        'staff-deactivate',
        'staff-oidc',
        'staff-role',
        'staff-add',
        'staff-add',
      ]);
      expect(entries[2]).toMatchObject({
        actorId: anna.id,
        actor: 'anna@huge.se',
        detail: { from: 'reader', to: 'handler' },
      });
      expect(entries[4]).toMatchObject({ actorId: null, actor: 'kommandorad' });
    });
  });

  describe('sign-in tokens', () => {
    it('are single use and expire', async () => {
      await fresh();
      const member = await handler();
      const token = {
        tokenHash: 'h1',
        kind: 'email-link' as const,
        staffId: member.id,
        data: null,
        expiresAt: T0 + 15 * MINUTE,
      };
      await staff.createSigninToken(token);
      await staff.createSigninToken({ ...token, tokenHash: 'h2' });
      expect(await staff.consumeSigninToken('h1', 'oidc', T0)).toBeUndefined();
      expect(await staff.consumeSigninToken('h1', 'email-link', T0)).toMatchObject({ staffId: member.id });
      expect(await staff.consumeSigninToken('h1', 'email-link', T0)).toBeUndefined();
      expect(await staff.consumeSigninToken('h2', 'email-link', T0 + 15 * MINUTE)).toBeUndefined();
      expect(await staff.consumeSigninToken('h2', 'email-link', T0)).toBeUndefined();
    });
  });

  describe('sessions', () => {
    it('rotate at sign-in, expire when idle or past their end, and end at sign-out and deactivation', async () => {
      await fresh();
      const member = await handler();
      const idle = 30 * MINUTE;
      await staff.createSession(
        { idHash: 's1', staffId: member.id, csrfToken: 'c1', now: T0, expiresAt: T0 + 12 * HOUR },
        'email-link',
        undefined,
      );
      expect((await staff.findSession('s1', T0 + idle - 1, idle))?.staff.id).toBe(member.id);
      // Signing in again from the same browser replaces the old id.
      await staff.createSession(
        { idHash: 's2', staffId: member.id, csrfToken: 'c2', now: T0, expiresAt: T0 + 12 * HOUR },
        'oidc',
        's1',
      );
      expect(await staff.findSession('s1', T0, idle)).toBeUndefined();
      // Idle: 30 minutes without activity.
      await staff.touchSession('s2', T0 + 20 * MINUTE);
      expect(await staff.findSession('s2', T0 + 49 * MINUTE, idle)).toBeDefined();
      expect(await staff.findSession('s2', T0 + 50 * MINUTE, idle)).toBeUndefined();
      expect(await staff.findSession('s2', T0, idle)).toBeUndefined(); // deleted, not only hidden
      // Absolute: 12 hours however active.
      await staff.createSession(
        { idHash: 's3', staffId: member.id, csrfToken: 'c3', now: T0, expiresAt: T0 + 12 * HOUR },
        'email-link',
        undefined,
      );
      for (let t = T0; t < T0 + 12 * HOUR; t += 20 * MINUTE) await staff.touchSession('s3', t);
      expect(await staff.findSession('s3', T0 + 12 * HOUR - MINUTE, idle)).toBeDefined();
      expect(await staff.findSession('s3', T0 + 12 * HOUR, idle)).toBeUndefined();
      // Sign-out.
      await staff.createSession(
        { idHash: 's4', staffId: member.id, csrfToken: 'c4', now: T0, expiresAt: T0 + 12 * HOUR },
        'email-link',
        undefined,
      );
      await staff.endSession('s4', member, T0 + MINUTE);
      expect(await staff.findSession('s4', T0 + MINUTE, idle)).toBeUndefined();
      // Deactivation ends every session of the member.
      await staff.createSession(
        { idHash: 's5', staffId: member.id, csrfToken: 'c5', now: T0, expiresAt: T0 + 12 * HOUR },
        'email-link',
        undefined,
      );
      await staff.createSession(
        { idHash: 's6', staffId: member.id, csrfToken: 'c6', now: T0, expiresAt: T0 + 12 * HOUR },
        'email-link',
        undefined,
      );
      await staff.deactivateStaff(member.id, CLI, T0 + MINUTE);
      expect(await staff.findSession('s5', T0 + MINUTE, idle)).toBeUndefined();
      expect(await staff.findSession('s6', T0 + MINUTE, idle)).toBeUndefined();

      const actions = (await staff.listAudit({ actorId: member.id }, { offset: 0, limit: 50 })).entries.map(
        (e) => e.action,
      );
      expect(actions.filter((a) => a === 'sign-in')).toHaveLength(6);
      expect(actions.filter((a) => a === 'sign-out')).toHaveLength(1);
    });
  });

  describe('the inbox', () => {
    it('lists every accepted tip newest first with its filter fields, and filters by each', async () => {
      await fresh();
      const me = await handler();
      const other = await handler('olle@huge.se');
      const a = await tips.acceptTip(tipInput('full-swedish', T0)); // drugs, skogas
      const b = await tips.acceptTip(tipInput('happening-now', T0 + MINUTE));
      const c = await tips.acceptTip(tipInput('personal-data', T0 + 2 * MINUTE)); // gang-activity, other-huddinge
      const d = await tips.acceptTip(tipInput('minimal', T0 + 8 * DAY));
      const all = await staff.listInbox({}, me.id, { offset: 0, limit: 10 });
      expect(all.total).toBe(4);
      expect(all.rows.map((r) => r.reference)).toEqual([d, c, b, a].map((x) => x.reference));
      const rowC = all.rows[1];
      expect(rowC).toMatchObject({
        category: 'gang-activity',
        area: 'other-huddinge',
        personalData: true,
        status: 'new',
        unread: true,
        assigneeId: null,
      });
      expect(all.rows[2]?.happeningNow).toBe(true);

      const page2 = await staff.listInbox({}, me.id, { offset: 2, limit: 2 });
      expect(page2.rows.map((r) => r.reference)).toEqual([b.reference, a.reference]);
      expect(page2.total).toBe(4);

      const refs = async (filter: Parameters<StaffStore['listInbox']>[0]) =>
        (await staff.listInbox(filter, me.id, { offset: 0, limit: 10 })).rows.map((r) => r.reference);
      expect(await refs({ area: 'skogas' })).toEqual([a.reference]);
      expect(await refs({ categories: ['gang-activity', 'drugs'] })).toEqual([c.reference, a.reference]);
      expect(await refs({ from: T0 + MINUTE, to: T0 + DAY })).toEqual([c.reference, b.reference]);
      expect(await refs({ text: 'källaringången' })).toEqual([a.reference]);
      expect(await refs({ text: 'KÄLLARINGÅNGEN' })).toEqual([a.reference]);
      expect(await refs({ text: '100%_' })).toEqual([]);
      expect(await refs({ text: c.reference.toLowerCase() })).toEqual([c.reference]);

      await staff.assignTip(b.reference, other.id, me, T0 + DAY);
      await staff.changeStatus(c.reference, { status: 'closed', reason: 'duplicate' }, me, T0 + DAY);
      expect(await refs({ assignee: other.id })).toEqual([b.reference]);
      expect(await refs({ assignee: 'none' })).toEqual([d, c, a].map((x) => x.reference));
      expect(await refs({ status: 'closed' })).toEqual([c.reference]);
      expect(await refs({ status: 'new', area: 'skogas' })).toEqual([a.reference]);
      expect((await staff.listInbox({ status: 'new' }, me.id, { offset: 0, limit: 1 })).total).toBe(3);
    });

    it('opens a tip: every field, marked read for that viewer only, and one audit entry per view', async () => {
      await fresh();
      const me = await handler();
      const other = await handler('olle@huge.se');
      const input = tipInput('full-swedish');
      const { reference } = await tips.acceptTip(input);
      const record = await staff.viewTip(reference, me, T0 + MINUTE);
      expect(record?.tip).toEqual({ reference, acceptedAt: T0, language: 'sv', tip: input.tip, flags: input.flags });
      expect(record?.triage).toMatchObject({
        status: 'new',
        assigneeId: null,
        closeReason: null,
        lagesbildSummary: null,
      });
      expect(record?.deliveryPending).toBe(true);
      expect(await staff.viewTip('AAAA-AAAA', me, T0)).toBeUndefined();
      const unread = async (viewer: number) =>
        (await staff.listInbox({}, viewer, { offset: 0, limit: 1 })).rows[0]?.unread;
      expect(await unread(me.id)).toBe(false);
      expect(await unread(other.id)).toBe(true);
      await staff.viewTip(reference, me, T0 + 2 * MINUTE);
      const views = await staff.listAudit({ action: 'view', tipReference: reference }, { offset: 0, limit: 10 });
      expect(views.entries.map((e) => [e.actor, e.at])).toEqual([
        ['hanna@huge.se', T0 + 2 * MINUTE],
        ['hanna@huge.se', T0 + MINUTE],
      ]);
    });

    it('triages, assigns and notes, each with its audit entry and never the text', async () => {
      await fresh();
      const me = await handler();
      const { reference } = await tips.acceptTip(tipInput('full-swedish'));
      expect(await staff.changeStatus(reference, { status: 'triaged' }, me, T0 + 1)).toBe(true);
      const summary = 'Narkotikaförsäljning i källare, Skogås, kvällstid';
      expect(await staff.changeStatus(reference, { status: 'in-lagesbild', summary }, me, T0 + 2)).toBe(true);
      expect(await staff.assignTip(reference, me.id, me, T0 + 3)).toBe(true);
      const note = 'Ringde fastighetsskötaren – hemlig anteckning';
      expect(await staff.addNote(reference, note, me, T0 + 4)).toBe(true);
      expect(await staff.changeStatus(reference, { status: 'closed', reason: 'handled' }, me, T0 + 5)).toBe(true);
      expect(await staff.changeStatus('AAAA-AAAA', { status: 'triaged' }, me, T0)).toBe(false);
      expect(await staff.addNote('AAAA-AAAA', 'x', me, T0)).toBe(false);

      const record = await staff.viewTip(reference, me, T0 + 6);
      expect(record?.triage).toMatchObject({
        status: 'closed',
        closeReason: 'handled',
        lagesbildSummary: summary,
        assigneeId: me.id,
        assigneeEmail: 'hanna@huge.se',
      });
      expect(record?.notes).toEqual([{ authorEmail: 'hanna@huge.se', body: note, createdAt: T0 + 4 }]);
      const { entries } = await staff.listAudit({ tipReference: reference }, { offset: 0, limit: 20 });
      expect(entries.map((e) => e.action)).toEqual(['view', 'status', 'note', 'assign', 'status', 'status']);
      expect(entries[1]?.detail).toEqual({ from: 'in-lagesbild', to: 'closed', reason: 'handled' });
      expect(entries[2]?.detail).toEqual({ characters: [...note].length });
      expect(entries[4]?.detail).toEqual({
        from: 'triaged',
        to: 'in-lagesbild',
        summaryCharacters: [...summary].length,
      });
      const audit = JSON.stringify(entries);
      expect(audit).not.toContain('hemlig');
      expect(audit).not.toContain('Narkotikaförsäljning');
    });

    it('redacts detected personal data so the original is gone from the row, auditing only the count', async () => {
      await fresh();
      const me = await handler();
      const { reference } = await tips.acceptTip(tipInput('personal-data'));
      const removed = await staff.redactTip(
        reference,
        redactionEdit({ allDetected: true, spans: [], text: '' }),
        me,
        T0 + 1,
      );
      expect(removed?.removed).toBe('850101-1234'.length + '070-123 45 67'.length + 'x.y@example.com'.length);
      const record = await staff.viewTip(reference, me, T0 + 2);
      expect(record?.tip.tip.description).toBe(
        `Personen har personnummer ${REDACTED_MARK}, ringer från ${REDACTED_MARK} och mejlar från ${REDACTED_MARK}.`,
      );
      expect(record?.tip.flags.personalData).toEqual([]);
      expect((await staff.listInbox({}, me.id, { offset: 0, limit: 1 })).rows[0]?.personalData).toBe(false);
      expect(
        await staff.redactTip(reference, redactionEdit({ allDetected: true, spans: [], text: '' }), me, T0 + 3),
      ).toEqual({ removed: 0 });
      expect(
        await staff.redactTip('AAAA-AAAA', redactionEdit({ allDetected: true, spans: [], text: '' }), me, T0),
      ).toBeUndefined();
      const [entry] = (await staff.listAudit({ action: 'redact' }, { offset: 0, limit: 5 })).entries;
      expect(entry).toMatchObject({
        actor: 'hanna@huge.se',
        tipReference: reference,
        detail: { characters: removed?.removed, spans: 3 },
      });
      // The original is nowhere in the database's files (SQLite: secure_delete and an emptied WAL).
      const files = stores.files();
      if (files) {
        for (const needle of ['850101-1234', 'x.y@example.com', '123 45 67']) {
          expect(files.some((bytes) => bytes.includes(needle))).toBe(false);
        }
      }
    });

    it('loses the inbox row, notes and reads with the tip at the retention purge; the audit stays without the reference', async () => {
      await fresh();
      const me = await handler();
      const { reference } = await tips.acceptTip(tipInput('minimal'));
      await staff.addNote(reference, 'anteckning', me, T0 + 1);
      await staff.viewTip(reference, me, T0 + 2);
      const [claim] = await tips.claimEmailJobs(T0, { limit: 1, leaseMs: MINUTE });
      if (!claim) throw new Error('no email job');
      await tips.markEmailSent(claim, T0 + MINUTE);
      expect((await tips.purge(T0 + 91 * DAY, 90)).tips).toBe(1);
      expect((await staff.listInbox({}, me.id, { offset: 0, limit: 5 })).total).toBe(0);
      expect(await staff.viewTip(reference, me, T0 + 91 * DAY)).toBeUndefined();
      expect((await staff.listAudit({ tipReference: reference }, { offset: 0, limit: 5 })).total).toBe(0);
      const entries = (await staff.listAudit({}, { offset: 0, limit: 10 })).entries;
      expect(entries.map((e) => [e.action, e.tipReference, e.tipPurged])).toEqual([
        ['view', null, true],
        ['note', null, true],
        ['staff-add', null, false],
      ]);
    });
  });

  describe('the text search', () => {
    /** Tips whose texts try case folding, Swedish and Arabic letters, LIKE's metacharacters and the two fields. */
    const SEARCH_TIPS = {
      a: {
        description: 'Källaringången luktar rök, skylten säger "100%_rabatt" och sökvägen C:\\temp\\x.',
        place: 'Trapphus Ö, Storvägen',
      },
      b: { description: 'رأيت مجموعة تبيع المخدرات قرب المدرسة كل مساء.', place: 'الملعب الكبير' },
      c: { description: 'Ungdomar ÅKER moped i gångtunneln, 100 procent säkert.', place: '' },
      d: { description: 'Det står 100xyrabatt på skylten vid axb-kiosken.', place: 'Kiosken' },
    } as const;
    type Name = keyof typeof SEARCH_TIPS;
    /** Each query and the tips it must find (the same on both backends). */
    const QUERIES: [string, Name[]][] = [
      ['källaringången', ['a']],
      ['KÄLLARINGÅNGEN', ['a']],
      ['kÄllAR', ['a']],
      ['åker', ['c']],
      // Diacritics are kept: "a" is not "å", "o" is not "ö".
      ['kallaringangen', []],
      ['trapphus o', []],
      ['gÅngTUNNELN', ['c']],
      ['storvägen', ['a']],
      ['trapphus ö', ['a']],
      ['kiosken', ['d']],
      ['rök, skylten', ['a']],
      ['skylten', ['a', 'd']],
      ['100%_', ['a']],
      ['%_r', ['a']],
      ['a_b', []],
      ['1%0', []],
      ['C:\\temp', ['a']],
      ['\\te', ['a']],
      ['"100', ['a']],
      ['المخدرات', ['b']],
      ['الملعب', ['b']],
      ['Storvägen Källar', []],
      ['Källar Storvägen', []],
      ['ingen träff alls', []],
      // Shorter than three characters: no description or place is searched.
      ['ök', []],
      ['Ö', []],
      ['%', []],
    ];

    const accept = async () => {
      const references = {} as Record<Name, string>;
      let minute = 0;
      for (const [name, fields] of Object.entries(SEARCH_TIPS) as [Name, (typeof SEARCH_TIPS)[Name]][]) {
        const extra = fields.place === '' ? { description: fields.description } : fields;
        references[name] = (await tips.acceptTip(tipInput('minimal', T0 + minute * MINUTE, extra))).reference;
        minute += 1;
      }
      return references;
    };
    const found = async (viewer: number, text: string) =>
      (await staff.listInbox({ text }, viewer, { offset: 0, limit: 10 })).rows.map((row) => row.reference).sort();

    it('finds a text in the description or the place, ignoring case, with every character literal', async () => {
      await fresh();
      const me = await handler();
      const references = await accept();
      for (const [query, names] of QUERIES) {
        expect(await found(me.id, query), query).toEqual(names.map((name) => references[name]).sort());
        const counted = (await staff.listInbox({ text: query }, me.id, { offset: 0, limit: 1 })).total;
        expect(counted, `${query} counted`).toBe(names.length);
      }
      // Control characters (a NUL from `%00` in the URL) find nothing rather than fail.
      expect(await found(me.id, 'skyl\u0000ten')).toEqual([]);
      // A reference, typed in any case, whatever its length.
      expect(await found(me.id, references.b.toLowerCase())).toEqual([references.b]);
      // Combined with the other filters.
      expect(await found(me.id, 'skylten')).toHaveLength(2);
      const first = await staff.listInbox({ text: 'skylten', to: T0 + MINUTE }, me.id, { offset: 0, limit: 10 });
      expect(first.rows.map((row) => row.reference)).toEqual([references.a]);
    });

    it('orders and counts a search that matches many tips (the plan for many hits) like one that matches few', async () => {
      await fresh();
      const me = await handler();
      await accept();
      // 2,100 copies of tip d, a second apart, straight into the table (the triggers index them).
      const copies = `SELECT 'MANY-' || n, ${T0 + HOUR} + n * 1000, 'sv', (SELECT payload FROM tips WHERE reference = (SELECT max(reference) FROM tips WHERE payload LIKE '%axb-kiosken%'))`;
      await stores.raw(
        backend.name === 'SQLite'
          ? `WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 2100)
             INSERT INTO tips (reference, accepted_at, language, payload) ${copies} FROM g`
          : `INSERT INTO tips (reference, accepted_at, language, payload) ${copies} FROM generate_series(1, 2100) AS n`,
      );
      const page = await staff.listInbox({ text: 'KIOSKEN' }, me.id, { offset: 50, limit: 50 });
      expect(page.total).toBe(2101);
      expect(page.rows.map((row) => row.reference)).toEqual(
        Array.from({ length: 50 }, (_, i) => `MANY-${2100 - 50 - i}`),
      );
      const filtered = await staff.listInbox({ text: 'kiosken', to: T0 + HOUR + 11_000 }, me.id, {
        offset: 0,
        limit: 50,
      });
      expect(filtered.total).toBe(11);
      expect(filtered.rows.at(-1)?.acceptedAt).toBe(T0 + 3 * MINUTE);
    });

    it('no longer finds a redacted text, and the index holds only the text that is left', async () => {
      await fresh();
      const me = await handler();
      const references = await accept();
      const edit = redactionEdit({ allDetected: false, spans: [], text: 'luktar rök' });
      expect((await staff.redactTip(references.a, edit, me, T0 + HOUR))?.removed).toBe('luktar rök'.length);
      expect(await found(me.id, 'luktar')).toEqual([]);
      expect(await found(me.id, 'rök')).toEqual([]);
      expect(await found(me.id, 'källaringången')).toEqual([references.a]);
      expect(await found(me.id, REDACTED_MARK)).toEqual([references.a]);
      const trigrams = stores.indexedTrigrams(references.a);
      if (trigrams) {
        // Exactly the trigrams of the text as it is now (folded to lower case): none of the redacted words'.
        const record = await staff.viewTip(references.a, me, T0 + HOUR);
        const now = [record?.tip.tip.description ?? '', record?.tip.tip.place ?? ''];
        const expected = new Set(
          now.flatMap((text) => {
            const letters = [...text.toLowerCase()];
            return letters.slice(0, -2).map((_, i) => letters.slice(i, i + 3).join(''));
          }),
        );
        expect(new Set(trigrams)).toEqual(expected);
        expect(trigrams).not.toContain('ukt');
        expect(trigrams).not.toContain('rök');
      }
      const files = stores.files();
      if (files) expect(files.some((bytes) => bytes.includes('luktar rök'))).toBe(false);
    });

    it('forgets a purged tip', async () => {
      await fresh();
      const me = await handler();
      const references = await accept();
      for (let i = 0; i < 4; i += 1) {
        const [claim] = await tips.claimEmailJobs(T0 + HOUR, { limit: 1, leaseMs: MINUTE });
        if (!claim) throw new Error('no email job');
        await tips.markEmailSent(claim, T0 + HOUR);
      }
      expect((await tips.purge(T0 + 91 * DAY, 90)).tips).toBe(4);
      for (const query of ['källaringången', 'المخدرات', 'kiosken', 'skylten', references.a])
        expect(await found(me.id, query), query).toEqual([]);
      expect(stores.indexedTrigrams(references.a) ?? []).toEqual([]);
    });
  });

  describe('the audit trail', () => {
    it('refuses updates; only the purge deletes, by age', async () => {
      await fresh();
      const me = await handler();
      await staff.appendAudit({ at: T0 - 800 * DAY, actor: me, action: 'export', detail: { what: 'test' } });
      await staff.appendAudit({ at: T0 - 10 * DAY, actor: me, action: 'export' });
      await expect(stores.raw("UPDATE audit_log SET actor = 'someone else'")).rejects.toThrow(/append-only/);
      // The one change the purge makes (blank a reference and mark the entry) is refused for anything more or less.
      await staff.appendAudit({ at: T0 - DAY, actor: me, action: 'view', tipReference: 'AAAA-AAAA' });
      for (const change of [
        'tip_reference = NULL',
        "tip_reference = 'CCCC-CCCC'",
        "tip_reference = NULL, tip_purged = true, actor = 'x'",
        'tip_reference = NULL, tip_purged = true, at = 1',
      ]) {
        await expect(
          stores.raw(`UPDATE audit_log SET ${change} WHERE tip_reference IS NOT NULL`),
          change,
        ).rejects.toThrow(/append-only/);
      }
      await stores.raw(
        "UPDATE audit_log SET tip_reference = NULL, tip_purged = true WHERE tip_reference = 'AAAA-AAAA'",
      );
      await expect(
        stores.raw("UPDATE audit_log SET tip_reference = 'AAAA-AAAA', tip_purged = false WHERE tip_purged"),
      ).rejects.toThrow(/append-only/);
      const before = await staff.listAudit({}, { offset: 0, limit: 10 });
      expect(before.entries.every((e) => e.actor !== 'someone else')).toBe(true);
      await staff.createSession(
        { idHash: 'old', staffId: me.id, csrfToken: 'c', now: T0 - DAY, expiresAt: T0 - MINUTE },
        'email-link',
        undefined,
      );
      await staff.createSigninToken({
        tokenHash: 't',
        kind: 'oidc',
        staffId: null,
        data: '{}',
        expiresAt: T0 - MINUTE,
      });
      const purged = await staff.purgeStaffData(T0, 730);
      expect(purged).toEqual({ auditEntries: 1, sessions: 1, signinTokens: 1 });
      const after = await staff.listAudit({ action: 'export' }, { offset: 0, limit: 10 });
      expect(after.entries.map((e) => e.at)).toEqual([T0 - 10 * DAY]);
    });

    it('keeps a tip reference only in its own column, which the purge can blank, never in the details', async () => {
      await fresh();
      const me = await handler();
      await expect(
        staff.appendAudit({ at: T0, actor: me, action: 'export', detail: { what: 'tips K7MX-4RDP' } }),
      ).rejects.toThrow(/must not hold a tip reference/);
      expect((await staff.listAudit({ action: 'export' }, { offset: 0, limit: 5 })).total).toBe(0);
    });

    it('pages newest first and filters by actor, action, reference and time', async () => {
      await fresh();
      const me = await handler();
      for (let i = 0; i < 5; i += 1)
        await staff.appendAudit({ at: T0 + i, actor: me, action: 'view', tipReference: `AAAA-AAA${i}` });
      const page = await staff.listAudit({ action: 'view' }, { offset: 1, limit: 2 });
      expect(page.total).toBe(5);
      expect(page.entries.map((e) => e.tipReference)).toEqual(['AAAA-AAA3', 'AAAA-AAA2']);
      expect((await staff.listAudit({ from: T0 + 1, to: T0 + 3 }, { offset: 0, limit: 10 })).total).toBe(2);
      expect(
        (await staff.listAudit({ actorId: me.id, tipReference: 'AAAA-AAA4' }, { offset: 0, limit: 10 })).total,
      ).toBe(1);
    });
  });
});
