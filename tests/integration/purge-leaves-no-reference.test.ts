import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLagesbild } from '../../src/lagesbild/index.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { weekOf } from '../../src/platform/stockholm-week.ts';
import { flagsOf, isoDate, validateSubmission } from '../../src/schemas/tip.ts';
import { redactionEdit } from '../../src/staff/redaction.ts';
import type { StaffActor } from '../../src/store/staff-store.ts';
import type { AcceptTipInput } from '../../src/store/tip-store.ts';
import { tipFixture } from '../helpers/fixtures.ts';
import { deliverAll, HANDLER, recordingAudit } from '../helpers/lagesbild-data.ts';
import { TEST_POLICY } from '../helpers/store-policy.ts';
import { WHOLE_STORE_BACKENDS, type WholeStore } from '../helpers/whole-store.ts';

/**
 * THREATS S7 and issue 11: when the retention purge deletes a tip, nothing
 * in the store keeps its text or its reference. Tips are triaged, read,
 * assigned, noted, redacted, audited, queued for intake, keyed for
 * idempotency and put in the lägesbild (with notes, an action and a frozen
 * version); then the clock moves and the purge runs. Every column of every
 * table (read from the catalogue) and, on SQLite, the raw database files
 * are searched for the purged tips' references and texts: none is found,
 * while the kept tips' references and texts are (so the search can fail).
 */

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 10, 0);
const RETENTION_DAYS = 90;
const CLI = { id: null, label: 'kommandorad' };
const POLICY = { ...TEST_POLICY, channels: ['email', 'intake'] as const };

interface Made {
  reference: string;
  acceptedAt: number;
  /** Words that exist only in this tip's description, place and notes. */
  canaries: string[];
  /** A word redacted from the description while the tip was kept. */
  redacted: string;
}

function tipInput(n: number, acceptedAt: number, prefix: string): { input: AcceptTipInput; canaries: string[] } {
  const canaries = [`${prefix}TEXT${n}Q`, `${prefix}PLATS${n}Q`];
  const fields = {
    ...tipFixture('minimal').fields,
    area: n % 2 === 0 ? 'flemingsberg' : 'skogas',
    place: `Trapphus ${canaries[1]}`,
    description: `Någon har sett ${canaries[0]} vid porten, ring ${prefix}HEMLIG${n}Q om det.`,
  };
  const parsed = validateSubmission(fields, isoDate(acceptedAt + DAY));
  if (!parsed.success) throw new Error('the test tip does not validate');
  const { lang: _l, formToken: _t, idempotencyKey: _k, website: _w, ...tip } = parsed.data;
  return {
    input: { idempotencyKey: randomUUID(), acceptedAt, language: 'sv', tip, flags: flagsOf(tip) },
    canaries,
  };
}

describe.each(WHOLE_STORE_BACKENDS)('the retention purge on $name', (backend) => {
  let store: WholeStore;
  beforeAll(() => backend.setup());
  afterAll(() => backend.teardown());
  afterEach(() => store?.cleanup());

  it('leaves no purged tip text or reference in any column of any table, nor in the files', async () => {
    store = await backend.fresh(NOW - 200 * DAY, POLICY);
    const { tips, staff } = store;
    const clock = manualClock(NOW - 200 * DAY);
    const lagesbild = createLagesbild({ store: store.lagesbild, clock });
    const lagesbildAudit = recordingAudit();
    const anna = await staff.addStaff({ email: 'anna@huge.se', role: 'handler' }, CLI, NOW - 200 * DAY);
    const olle = await staff.addStaff({ email: 'olle@huge.se', role: 'admin' }, CLI, NOW - 200 * DAY);
    const me: StaffActor = { id: anna.id, label: anna.email };

    // Six tips that the purge will delete (120–95 days old) and four it keeps (30–20 days old).
    const make = async (n: number, acceptedAt: number, prefix: string): Promise<Made> => {
      const { input, canaries } = tipInput(n, acceptedAt, prefix);
      const { reference } = await tips.acceptTip(input);
      const at = acceptedAt + 60_000;
      await staff.viewTip(reference, me, at);
      await staff.changeStatus(reference, { status: 'triaged' }, me, at + 1);
      await staff.assignTip(reference, olle.id, me, at + 2);
      const note = `Anteckning ${prefix}NOT${n}Q`;
      await staff.addNote(reference, note, me, at + 3);
      const redacted = `${prefix}HEMLIG${n}Q`;
      const edit = redactionEdit({ allDetected: false, spans: [], text: redacted });
      expect((await staff.redactTip(reference, edit, me, at + 4))?.removed).toBe(redacted.length);
      await staff.appendAudit({ at: at + 5, actor: me, action: 'export', tipReference: reference });
      if (n % 2 === 0) {
        const summary = `Otrygg port i område ${n}`;
        await staff.changeStatus(reference, { status: 'in-lagesbild', summary }, me, at + 6);
        clock.set(at + 6);
        await lagesbild.addTipEntry(HANDLER, lagesbildAudit, { tipReference: reference, summary });
      }
      return { reference, acceptedAt, canaries: [...canaries, `${prefix}NOT${n}Q`], redacted };
    };
    const purged: Made[] = [];
    const kept: Made[] = [];
    for (let n = 0; n < 6; n += 1) purged.push(await make(n, NOW - (120 - 5 * n) * DAY, 'GALLRAD'));
    for (let n = 0; n < 4; n += 1) kept.push(await make(n, NOW - (30 - 3 * n) * DAY, 'KVAR'));

    // The lägesbild's own text for an old week, and a frozen version of it.
    const oldWeek = weekOf(purged[0]?.acceptedAt ?? 0);
    clock.set(NOW - 90 * DAY);
    await lagesbild.setNotes(HANDLER, lagesbildAudit, oldWeek, { text: 'Mötet kom överens om mer belysning.' });
    await lagesbild.addAction(HANDLER, lagesbildAudit, oldWeek, {
      what: 'Byt lampor',
      who: 'huddinge-kommun',
      dueOn: '2026-09-01',
    });
    await lagesbild.freezeWeek(HANDLER, lagesbildAudit, oldWeek);

    // A member signs in, so sessions and a sign-in token are stored too.
    await staff.createSession(
      { idHash: 'session-hash', staffId: anna.id, csrfToken: 'csrf', now: NOW - DAY, expiresAt: NOW + DAY },
      'email-link',
      undefined,
    );
    await staff.createSigninToken({
      tokenHash: 'token-hash',
      kind: 'email-link',
      staffId: anna.id,
      data: null,
      expiresAt: NOW + DAY,
    });

    // Everything delivered (email and intake), then the purge, at NOW.
    await deliverAll(tips, NOW - 19 * DAY);
    const lease = await tips.claimIntake(NOW - 19 * DAY, 100);
    expect(lease.tips).toHaveLength(10);
    await tips.ackIntake(
      lease.leaseId,
      lease.tips.map((tip) => tip.reference),
      NOW - 19 * DAY,
    );
    const auditBefore = (await staff.listAudit({}, { offset: 0, limit: 1000 })).total;
    const result = await tips.purge(NOW, RETENTION_DAYS);
    expect(result.tips).toBe(purged.length);

    // The audit trail keeps every entry (who did what, when), without the purged tips' references.
    const audit = await staff.listAudit({}, { offset: 0, limit: 1000 });
    expect(audit.total).toBe(auditBefore);
    const purgedEntries = audit.entries.filter((entry) => entry.tipPurged);
    expect(purgedEntries).toHaveLength(purged.length * 6 + 3); // view, 2 × status, assign, note, redact, export; +1 status each for 3
    expect(purgedEntries.every((entry) => entry.tipReference === null)).toBe(true);
    expect(audit.entries.filter((entry) => entry.tipReference !== null)).toHaveLength(kept.length * 6 + 2);
    expect(audit.entries.some((entry) => entry.tipReference === null && !entry.tipPurged)).toBe(true); // staff-add

    // The inbox's text search finds the kept tips' words and none of the purged tips'.
    const search = async (text: string) =>
      (await staff.listInbox({ text }, anna.id, { offset: 0, limit: 20 })).rows.map((row) => row.reference);
    for (const made of purged)
      for (const word of made.canaries.slice(0, 2)) expect(await search(word), word).toEqual([]);
    for (const made of kept) expect(await search(made.canaries[0] ?? '')).toEqual([made.reference]);

    const { tables, columns } = await store.catalogue();
    expect(tables).toEqual(expect.arrayContaining(['tips', 'audit_log', 'tip_inbox', 'lagesbild_entries']));
    const everything = await store.everyColumn();
    const raw = store.rawFiles();
    const found = (text: string, needles: readonly string[]) => needles.filter((needle) => text.includes(needle));
    const purgedNeedles = purged.flatMap((made) => [made.reference, ...made.canaries, made.redacted]);
    expect(found(everything, purgedNeedles)).toEqual([]);
    if (raw !== undefined) expect(found(raw, purgedNeedles)).toEqual([]);
    // A redacted word of a kept tip is gone too.
    expect(
      found(
        everything,
        kept.map((made) => made.redacted),
      ),
    ).toEqual([]);
    if (raw !== undefined)
      expect(
        found(
          raw,
          kept.map((made) => made.redacted),
        ),
      ).toEqual([]);

    // The search can find what is there: every kept tip's reference and text.
    const keptNeedles = kept.flatMap((made) => [made.reference, ...made.canaries]);
    expect(found(everything, keptNeedles)).toEqual(keptNeedles);
    if (raw !== undefined) expect(found(raw, keptNeedles)).toEqual(keptNeedles);
    console.info(
      `[${backend.name}] purge searched ${columns} columns of ${tables.length} tables` +
        `${raw === undefined ? '' : ' and the raw files'}: ${purged.length} purged tips, 0 references or texts found; ` +
        `${kept.length} kept tips all found`,
    );
  }, 60_000);
});
