import type { StorePolicy } from '../../src/store/store-policy.ts';

/**
 * The store policy the store, outbox and intake tests share: two days to
 * deliver, backoff from 30 s up to an hour, five-minute intake leases, three
 * leases before a dead letter, and jitter fixed at the middle so delays are exact.
 */
export const TEST_POLICY: StorePolicy = {
  deliveryWindowMs: 48 * 3_600_000,
  backoffBaseMs: 30_000,
  backoffCapMs: 3_600_000,
  intakeLeaseMs: 5 * 60_000,
  intakeMaxLeases: 3,
  random: () => 0.5,
};
