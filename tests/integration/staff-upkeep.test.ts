import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createMailer } from '../../src/delivery/mail/mailer.ts';
import { startWorker } from '../../src/delivery/outbox/worker.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { withStaffUpkeep } from '../../src/staff/upkeep.ts';
import { createSqliteStaffStore } from '../../src/store/staff/sqlite-staff-store.ts';
import { createSqliteTipStore } from '../../src/store/sqlite/sqlite-tip-store.ts';
import type { StaffStore } from '../../src/store/staff-store.ts';
import type { TipStore } from '../../src/store/tip-store.ts';
import { TEST_POLICY } from '../helpers/store-policy.ts';

/** The audit trail's retention runs in the outbox worker's daily purge, in the server and in `npm run worker`. */

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 30, 3, 0);
let dir: string;
let tips: TipStore;
let staff: StaffStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'staff-upkeep-'));
  tips = createSqliteTipStore({ file: join(dir, 'tips.sqlite'), policy: TEST_POLICY, now: T0 });
  staff = createSqliteStaffStore(join(dir, 'tips.sqlite'));
});
afterEach(async () => {
  await staff.close();
  await tips.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the daily purge', () => {
  it('deletes audit entries older than AUDIT_RETENTION_DAYS and expired sessions, once a day', async () => {
    const config = loadConfig({ DATA_DIR: dir, AUDIT_RETENTION_DAYS: '365' });
    const lines: string[] = [];
    const logger = createLogger(
      'info',
      new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString()), done()) }),
    );
    const actor = { id: null, label: 'kommandorad' };
    await staff.appendAudit({ at: T0 - 366 * DAY, actor, action: 'export' });
    await staff.appendAudit({ at: T0 - 364 * DAY, actor, action: 'export' });
    const clock = manualClock(T0);
    const worker = startWorker({
      store: withStaffUpkeep(tips, staff, config.staff.auditRetentionDays, logger),
      mailer: createMailer(config.mail, { dataDir: dir, nodeEnv: 'test', logger, siteHost: 'localhost' }),
      clock,
      logger,
      config,
      loop: false,
    });
    await worker.runOnce();
    expect((await staff.listAudit({}, { offset: 0, limit: 10 })).entries.map((e) => e.at)).toEqual([T0 - 364 * DAY]);
    clock.advance(2 * DAY);
    await worker.runOnce();
    expect((await staff.listAudit({}, { offset: 0, limit: 10 })).total).toBe(0);
    expect(lines.filter((line) => line.includes('retention: staff upkeep'))).toHaveLength(2);
    await worker.stop();
  });
});
