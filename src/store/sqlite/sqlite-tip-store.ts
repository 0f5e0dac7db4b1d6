import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { channelsOf, type StorePolicy } from '../store-policy.ts';
import type { TipStore } from '../tip-store.ts';
import { sqliteAccept, sqliteFindByIdempotencyKey } from './accept.ts';
import { sqliteDeadLetters } from './dead-letters.ts';
import { groupCommit } from './group-commit.ts';
import { sqliteEmailDigests } from './email-digests.ts';
import { sqliteEmailJobs } from './email-jobs.ts';
import { sqliteIntakeQueue } from './intake-queue.ts';
import { sqliteMaintenance } from './maintenance.ts';
import { migrateSqlite } from './migrations.ts';
import { openSqliteDatabase } from './open-database.ts';

/** The store's file inside DATA_DIR. */
export function sqliteStoreFile(dataDir: string): string {
  return join(dataDir, 'tips.sqlite');
}

export interface SqliteTipStore extends TipStore {
  /** The open connection, for the online backup (`backupSqliteStore`). */
  readonly db: Database;
  readonly file: string;
}

/**
 * The embedded default store: one SQLite file under DATA_DIR. Several
 * processes (server, `npm run worker`, the CLIs) may open the same file;
 * every write runs in an IMMEDIATE transaction, so they take turns.
 * better-sqlite3 is synchronous: each method does its work before it
 * returns its (already settled) promise, except `acceptTip`, which
 * group-commits the tips of one event-loop turn.
 */
export function createSqliteTipStore(options: { file: string; policy: StorePolicy; now: number }): SqliteTipStore {
  const db = openSqliteDatabase(options.file);
  migrateSqlite(db, options.now);
  const accept = groupCommit(db, sqliteAccept(db, channelsOf(options.policy), options.policy.digestDuringSurge));
  const findByIdempotencyKey = sqliteFindByIdempotencyKey(db);
  const email = sqliteEmailJobs(db, options.policy);
  const digests = sqliteEmailDigests(db, options.policy);
  const intake = sqliteIntakeQueue(db, options.policy);
  const dead = sqliteDeadLetters(db);
  const maintenance = sqliteMaintenance(db);
  const ping = db.prepare('SELECT 1');

  return {
    db,
    file: options.file,
    acceptTip: (input) => accept.submit(input),
    findByIdempotencyKey: async (key, now) => findByIdempotencyKey(key, now),
    recordHoneypot: async () => maintenance.recordHoneypot(),
    healthDetails: async (now) => maintenance.healthDetails(now),
    ping: async () => {
      ping.get();
    },
    close: async () => {
      if (!db.open) return;
      accept.flush();
      db.close();
    },
    claimEmailJobs: async (now, claimOptions) => email.claimEmailJobs(now, claimOptions),
    renewEmailClaim: async (claimId, now, leaseMs) => email.renewEmailClaim(claimId, now, leaseMs),
    markEmailSent: async (claim, now) => email.markEmailSent(claim, now),
    markEmailFailed: async (claim, now, failure) => email.markEmailFailed(claim, now, failure),
    claimDigest: async (now, digestOptions) => digests.claimDigest(now, digestOptions),
    markDigestSent: async (claim, now) => digests.markDigestSent(claim, now),
    markDigestFailed: async (claim, now, failure) => digests.markDigestFailed(claim, now, failure),
    claimIntake: async (now, limit) => intake.claimIntake(now, limit),
    ackIntake: async (leaseId, references, now) => intake.ackIntake(leaseId, references, now),
    releaseIntake: async (leaseId, references, now) => intake.releaseIntake(leaseId, references, now),
    expireIntakeLeases: async (now) => intake.expireIntakeLeases(now),
    listIntakeQueue: async (now, limit) => intake.listIntakeQueue(now, limit),
    listDeadLetters: async (channel) => dead.listDeadLetters(channel),
    retryDeadLetters: async (references, now, channel) => dead.retryDeadLetters(references, now, channel),
    discardDeadLetters: async (references, now, channel) => dead.discardDeadLetters(references, now, channel),
    purge: async (now, retentionDays) => maintenance.purge(now, retentionDays),
  };
}
