import type { LagesbildStore } from '../../lagesbild-store.ts';
import type { Pool } from '../connect.ts';
import { postgresLagesbildCounts } from './counts.ts';
import { postgresLagesbildEntries } from './entries.ts';
import { postgresLagesbildMeeting } from './meeting.ts';

/** The lägesbild's store on the pool the TipStore opened (its migrations made the tables). */
export function createPostgresLagesbildStore(sql: Pool): LagesbildStore {
  return {
    ...postgresLagesbildEntries(sql),
    ...postgresLagesbildCounts(sql),
    ...postgresLagesbildMeeting(sql),
  };
}
