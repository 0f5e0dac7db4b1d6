import type { Database } from 'better-sqlite3';
import type { LagesbildStore } from '../../lagesbild-store.ts';
import { sqliteLagesbildCounts } from './counts.ts';
import { sqliteLagesbildEntries } from './entries.ts';
import { sqliteLagesbildMeeting } from './meeting.ts';

/**
 * The lägesbild's store on the SQLite connection the TipStore opened (its
 * migrations made the tables). Synchronous underneath, like the TipStore.
 */
export function createSqliteLagesbildStore(db: Database): LagesbildStore {
  const entries = sqliteLagesbildEntries(db);
  const counts = sqliteLagesbildCounts(db);
  const meeting = sqliteLagesbildMeeting(db);
  return {
    findTipFacts: async (reference) => entries.findTipFacts(reference),
    addTipEntry: async (input, at, by) => entries.addTipEntry(input, at, by),
    addObservation: async (input, at, by) => entries.addObservation(input, at, by),
    getEntry: async (id) => entries.getEntry(id),
    updateTipEntry: async (id, summary, at, by) => entries.updateTipEntry(id, summary, at, by),
    updateObservation: async (id, input, at, by) => entries.updateObservation(id, input, at, by),
    removeEntry: async (id) => entries.removeEntry(id),
    listEntries: async (week) => entries.listEntries(week),
    getNotes: async (week) => meeting.getNotes(week),
    setNotes: async (week, text, at, by) => meeting.setNotes(week, text, at, by),
    addAction: async (input, at, by) => meeting.addAction(input, at, by),
    updateAction: async (id, input, at, by) => meeting.updateAction(id, input, at, by),
    removeAction: async (id) => meeting.removeAction(id),
    listActions: async (week) => meeting.listActions(week),
    countRange: async (first, last) => counts.countRange(first, last),
    countTrend: async (weeks) => counts.countTrend(weeks),
    firstWeekWithData: async () => counts.firstWeekWithData(),
    freezeWeek: async (week, snapshot, at, by) => meeting.freezeWeek(week, snapshot, at, by),
    listVersions: async (week) => meeting.listVersions(week),
    getVersion: async (week, version) => meeting.getVersion(week, version),
    listFrozenWeeks: async (limit) => meeting.listFrozenWeeks(limit),
  };
}
