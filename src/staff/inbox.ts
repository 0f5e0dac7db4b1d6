import { AREA_IDS, CATEGORY_FOCUS_AREA, CATEGORY_IDS, FOCUS_AREA_IDS } from '../schemas/tip-options.ts';
import type { Clock } from '../platform/clock.ts';
import {
  searchable,
  TIP_STATUSES,
  type InboxFilter,
  type InboxPage,
  type StaffStore,
  type TipRecord,
  type TipStatus,
} from '../store/staff-store.ts';
import { parseReference } from '../store/reference.ts';
import { actorOf, requireRole, TIP_ROLES, type SignedIn } from './actor.ts';
import { isoWeekRange } from './iso-week.ts';

export const INBOX_PAGE_SIZE = 50;
/** A search is a few words; anything longer is cut. */
const SEARCH_MAX = 100;

/** The inbox's filters as they stand in the URL (Swedish parameter names), so a filtered view can be bookmarked and shared. */
export interface InboxQuery {
  status?: TipStatus;
  /** District (area id). */
  omrade?: string;
  /** An event (category id) or a focus area (`fokus:<id>`). */
  handelse?: string;
  /** ISO week, "2026-W48". */
  vecka?: string;
  /** "mig", "ingen" or a member's id. */
  tilldelad?: string;
  sok?: string;
  sida: number;
}

export interface InboxDeps {
  staff: StaffStore;
  clock: Clock;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;

/**
 * Reads the filters from the URL's query. Unknown values are dropped (the
 * page shows the inbox without them) rather than refused: a stale bookmark
 * still opens.
 */
export function parseInboxQuery(params: URLSearchParams): InboxQuery {
  const handelse = params.get('handelse') ?? '';
  const focus = handelse.startsWith('fokus:') ? oneOf(FOCUS_AREA_IDS, handelse.slice(6)) : undefined;
  const vecka = params.get('vecka') ?? '';
  const tilldelad = params.get('tilldelad') ?? '';
  const sok = (params.get('sok') ?? '').trim().slice(0, SEARCH_MAX);
  const page = Number(params.get('sida') ?? '1');
  return {
    status: oneOf(TIP_STATUSES, params.get('status')),
    omrade: oneOf(AREA_IDS, params.get('omrade')),
    handelse: focus ? `fokus:${focus}` : oneOf(CATEGORY_IDS, handelse),
    vecka: isoWeekRange(vecka) ? vecka : undefined,
    tilldelad: tilldelad === 'mig' || tilldelad === 'ingen' || /^\d{1,12}$/.test(tilldelad) ? tilldelad : undefined,
    sok: sok === '' ? undefined : sok,
    sida: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/**
 * Whether the search text is too short to look for in descriptions and
 * places (fewer than SEARCH_MIN_CHARACTERS characters, and not a reference):
 * the page then says so instead of just finding nothing.
 */
export function searchTooShort(query: InboxQuery): boolean {
  return query.sok !== undefined && parseReference(query.sok) === undefined && !searchable(query.sok);
}

/** The query back as URL parameters (without the page unless asked), for links that keep the filters. */
export function inboxQueryParams(query: InboxQuery, page?: number): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ['status', 'omrade', 'handelse', 'vecka', 'tilldelad', 'sok'] as const) {
    const value = query[name];
    if (value !== undefined) params.set(name, value);
  }
  if (page !== undefined && page > 1) params.set('sida', String(page));
  return params;
}

function storeFilter(query: InboxQuery, viewerId: number): InboxFilter {
  const filter: InboxFilter = {};
  if (query.status) filter.status = query.status;
  if (query.omrade) filter.area = query.omrade;
  if (query.handelse?.startsWith('fokus:')) {
    const focus = query.handelse.slice(6);
    filter.categories = CATEGORY_IDS.filter((id) => CATEGORY_FOCUS_AREA[id] === focus);
  } else if (query.handelse) {
    filter.categories = [query.handelse];
  }
  const week = query.vecka ? isoWeekRange(query.vecka) : undefined;
  if (week) {
    filter.from = week.from;
    filter.to = week.to;
  }
  if (query.tilldelad === 'mig') filter.assignee = viewerId;
  else if (query.tilldelad === 'ingen') filter.assignee = 'none';
  else if (query.tilldelad) filter.assignee = Number(query.tilldelad);
  if (query.sok) {
    // A reference typed loosely ("k7mx 4rdp") is searched for as the reference.
    filter.text = parseReference(query.sok) ?? query.sok;
  }
  return filter;
}

/** One page of the inbox for a handler or admin, newest first. Listing is not audited; opening a tip is. */
export async function listInbox(
  deps: InboxDeps,
  signedIn: SignedIn,
  query: InboxQuery,
): Promise<InboxPage & { pageCount: number }> {
  requireRole(signedIn.member, TIP_ROLES);
  const page = await deps.staff.listInbox(storeFilter(query, signedIn.member.id), signedIn.member.id, {
    offset: (query.sida - 1) * INBOX_PAGE_SIZE,
    limit: INBOX_PAGE_SIZE,
  });
  return { ...page, pageCount: Math.max(1, Math.ceil(page.total / INBOX_PAGE_SIZE)) };
}

/** Opens a tip: every field, marked read, and the view in the audit trail (one transaction in the store). */
export async function openTip(deps: InboxDeps, signedIn: SignedIn, reference: string): Promise<TipRecord | undefined> {
  requireRole(signedIn.member, TIP_ROLES);
  const canonical = parseReference(reference);
  if (!canonical) return undefined;
  return deps.staff.viewTip(canonical, actorOf(signedIn.member), deps.clock());
}
