import type { Tip } from '../../src/schemas/tip.ts';
import { flagsOf } from '../../src/schemas/tip.ts';
import { AREA_IDS, CATEGORY_IDS, type AreaId, type CategoryId } from '../../src/schemas/tip-options.ts';
import { OBSERVATION_SOURCES, type ObservationSource } from '../../src/schemas/lagesbild-options.ts';
import type { TipStore } from '../../src/store/tip-store.ts';
import type { Audit, AuditEntry, StaffMember } from '../../src/lagesbild/staff.ts';

/**
 * Realistic lägesbild data, shared by the store contract suite and the
 * bench: tips and observations over many weeks, every district and event,
 * some tips "happening now", some tips put in the lägesbild, summaries with
 * Swedish and Arabic text, `;`, `"` and line breaks. Deterministic (a seeded
 * generator). Every tip's text carries a canary (`KANARIE-<n>`) so a test
 * can search the store for it after the purge.
 */

export const HANDLER: StaffMember = { id: 'handler-anna', email: 'anna@huge.se', role: 'handler' };
export const READER: StaffMember = { id: 'reader-polisen', email: 'kontakt@polisen.se', role: 'reader' };
export const ADMIN: StaffMember = { id: 'admin-bo', role: 'admin' };

/** An audit writer that keeps what it is given, for tests to read. */
export function recordingAudit(): Audit & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return Object.assign((entry: AuditEntry) => void entries.push(entry), { entries });
}

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const MINUTE = 60_000;

export interface RawTip {
  acceptedAt: number;
  area: AreaId;
  category: CategoryId;
  happeningNow: boolean;
  description: string;
  place: string | undefined;
}

export interface RawObservation {
  source: ObservationSource;
  area: AreaId;
  category: CategoryId;
  place: string | undefined;
  /** YYYY-MM-DD, a day in Sweden. */
  date: string;
  time: string | undefined;
  summary: string;
}

const SUMMARIES = [
  'Stök vid busshållplatsen på kvällen; flera ungdomar',
  'Trasig belysning i gångtunneln, "mörkt och otryggt"',
  'Klotter på förskolans vägg\nanmält till fastighetsägaren',
  'Brand i soprum – räddningstjänsten på plats',
  'Langning av alkohol vid skolan, enligt flera boende',
  'بلاغ عن إزعاج في الحي ليلاً',
  'Oro för våld i en lägenhet; socialtjänsten informerad',
  'Misstänkt narkotikaförsäljning nära centrum',
];

const PLACES = ['Centrumgången', 'Vårby allé', 'Stationen', 'Skogås torg', undefined, undefined];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** Tips accepted at random minutes in [from, to), covering every district and event at least once. */
export function generateTips(random: () => number, count: number, from: number, to: number): RawTip[] {
  const tips: RawTip[] = [];
  for (let n = 0; n < count; n += 1) {
    // The first tips walk every district × event, so none is missing.
    const area = n < AREA_IDS.length * CATEGORY_IDS.length ? AREA_IDS[n % AREA_IDS.length] : pick(random, AREA_IDS);
    const category =
      n < AREA_IDS.length * CATEGORY_IDS.length
        ? CATEGORY_IDS[Math.floor(n / AREA_IDS.length)]
        : pick(random, CATEGORY_IDS);
    const minutes = Math.floor((to - from) / MINUTE);
    tips.push({
      acceptedAt: from + Math.floor(random() * minutes) * MINUTE,
      area: area as AreaId,
      category: category as CategoryId,
      happeningNow: random() < 0.15,
      description: `KANARIE-${n} Någon har sett något vid ${pick(random, PLACES) ?? 'huset'} som känns otryggt.`,
      place: random() < 0.5 ? `Platsen ${n}` : undefined,
    });
  }
  return tips;
}

/** Observations on random days between two dates (YYYY-MM-DD, both included). */
export function generateObservations(random: () => number, count: number, days: readonly string[]): RawObservation[] {
  return Array.from({ length: count }, (_, n) => ({
    source:
      n < OBSERVATION_SOURCES.length
        ? (OBSERVATION_SOURCES[n] as ObservationSource)
        : pick(random, OBSERVATION_SOURCES),
    area: n < AREA_IDS.length ? (AREA_IDS[n] as AreaId) : pick(random, AREA_IDS),
    category: n < CATEGORY_IDS.length ? (CATEGORY_IDS[n] as CategoryId) : pick(random, CATEGORY_IDS),
    place: pick(random, PLACES),
    date: pick(random, days),
    time:
      random() < 0.5
        ? `${String(Math.floor(random() * 24)).padStart(2, '0')}:${random() < 0.5 ? '00' : '30'}`
        : undefined,
    summary: `${pick(random, SUMMARIES)} (${n})`,
  }));
}

/** The tip as the store takes it. */
export function tipInput(raw: RawTip) {
  const tip: Tip = {
    category: raw.category,
    area: raw.area,
    description: raw.description,
    ...(raw.place ? { place: raw.place } : {}),
    ...(raw.happeningNow ? { when: 'now' as const } : {}),
  } as Tip;
  return { idempotencyKey: undefined, acceptedAt: raw.acceptedAt, language: 'sv' as const, tip, flags: flagsOf(tip) };
}

/** Stores tips in batches (concurrent accepts share a commit); returns their references in order. */
export async function storeTips(store: TipStore, tips: readonly RawTip[], batch = 200): Promise<string[]> {
  const references: string[] = [];
  for (let start = 0; start < tips.length; start += batch) {
    const results = await Promise.all(tips.slice(start, start + batch).map((tip) => store.acceptTip(tipInput(tip))));
    references.push(...results.map((result) => result.reference));
  }
  return references;
}

/** Marks every email job sent, so the retention purge may delete the tips (a store with only the email channel). */
export async function deliverAll(store: TipStore, now: number): Promise<number> {
  let delivered = 0;
  for (;;) {
    const claims = await store.claimEmailJobs(now, { limit: 500, leaseMs: MINUTE });
    if (claims.length === 0) return delivered;
    await Promise.all(claims.map((claim) => store.markEmailSent(claim, now)));
    delivered += claims.length;
  }
}

/** Every calendar day (YYYY-MM-DD) from one to another, both included. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = Date.parse(`${first}T12:00:00Z`); day <= Date.parse(`${last}T12:00:00Z`); day += 86_400_000) {
    days.push(new Date(day).toISOString().slice(0, 10));
  }
  return days;
}

/** The element at an index, or a thrown error (instead of a non-null assertion). */
export function at<T>(list: readonly T[], index: number): T {
  const found = list[index];
  if (found === undefined) throw new Error(`nothing at ${index}`);
  return found;
}
