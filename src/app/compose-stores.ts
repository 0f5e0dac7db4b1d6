import type { Config } from '../config/config.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import { createStaffStore } from '../store/create-staff-store.ts';
import { createTipStore } from '../store/create-tip-store.ts';
import type { StaffStore } from '../store/staff-store.ts';
import type { TipStore } from '../store/tip-store.ts';

/**
 * The tip store (which migrates the schema) and the staff store on it, for
 * `npm run staff`. Apart from compose.ts so the command loads only the
 * stores, not the mailer, limiter and worker (a command starts in a
 * fraction of the time).
 */
export async function composeStaffStores(
  config: Config,
  clock: Clock = systemClock,
): Promise<{ tips: TipStore; staff: StaffStore }> {
  const tips = await createTipStore(config, clock);
  return { tips, staff: await createStaffStore(config) };
}
