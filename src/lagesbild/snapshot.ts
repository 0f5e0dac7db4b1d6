import type { StoredVersion } from '../store/lagesbild-store.ts';
import type { WeekId } from '../platform/stockholm-week.ts';
import type { WeekPicture } from './week-picture.ts';

/**
 * A frozen version as stored: the week's picture, versioned. It holds what
 * the picture holds and nothing more: counts, handlers' summaries, notes and
 * actions; never a tip's text, reference or the store's ids.
 */
interface SnapshotV1 {
  v: 1;
  picture: WeekPicture;
}

export function encodeSnapshot(picture: WeekPicture): string {
  const snapshot: SnapshotV1 = { v: 1, picture };
  return JSON.stringify(snapshot);
}

/** A frozen version as it is read: immutable, its picture exactly as it was frozen. */
export interface FrozenWeek {
  week: WeekId;
  version: number;
  frozenAt: number;
  frozenBy: string;
  picture: WeekPicture;
}

export function decodeSnapshot(stored: StoredVersion): FrozenWeek {
  const snapshot = JSON.parse(stored.snapshot) as SnapshotV1;
  if (snapshot.v !== 1) throw new Error(`unknown lägesbild snapshot version ${String(snapshot.v)}`);
  return {
    week: stored.week,
    version: stored.version,
    frozenAt: stored.frozenAt,
    frozenBy: stored.frozenBy,
    picture: snapshot.picture,
  };
}
