import { channelsOf, type StorePolicy } from '../store-policy.ts';
import type { TipStore } from '../tip-store.ts';
import { postgresAccept, postgresFindByIdempotencyKey } from './accept.ts';
import { connectPostgres, type Pool } from './connect.ts';
import { postgresDeadLetters } from './dead-letters.ts';
import { postgresEmailDigests } from './email-digests.ts';
import { postgresEmailJobs } from './email-jobs.ts';
import { postgresIntakeQueue } from './intake-queue.ts';
import { postgresMaintenance } from './maintenance.ts';
import { migratePostgres } from './migrations.ts';

export interface PostgresTipStore extends TipStore {
  /** The pool, for the stores that share the database (the lägesbild's). */
  readonly sql: Pool;
}

/**
 * The store on PostgreSQL (DATABASE_URL), for several instances sharing one
 * database. Same interface and rules as the SQLite store; the contract suite
 * runs against both.
 */
export async function createPostgresTipStore(options: {
  url: string;
  poolSize: number;
  policy: StorePolicy;
  now: number;
}): Promise<PostgresTipStore> {
  const sql = connectPostgres(options.url, options.poolSize);
  try {
    await migratePostgres(sql, options.now);
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw error;
  }
  const email = postgresEmailJobs(sql, options.policy);
  const digests = postgresEmailDigests(sql, options.policy);
  const intake = postgresIntakeQueue(sql, options.policy);
  const dead = postgresDeadLetters(sql);
  const maintenance = postgresMaintenance(sql);
  return {
    sql,
    acceptTip: postgresAccept(sql, channelsOf(options.policy), options.policy.digestDuringSurge),
    findByIdempotencyKey: postgresFindByIdempotencyKey(sql),
    recordHoneypot: () => maintenance.recordHoneypot(),
    healthDetails: (now) => maintenance.healthDetails(now),
    ping: async () => {
      await sql`SELECT 1`;
    },
    close: () => sql.end({ timeout: 5 }),
    ...email,
    ...digests,
    ...intake,
    ...dead,
    purge: (now, retentionDays) => maintenance.purge(now, retentionDays),
  };
}
