import type { Context } from 'hono';
import { NotFoundError } from '../../http/errors.ts';
import { LagesbildRoleError } from '../../lagesbild/index.ts';
import { localDateOf } from '../../platform/stockholm-week.ts';
import type { SignedIn } from '../../staff/actor.ts';
import { lagesbildActor } from './lagesbild-bridge.ts';
import { forbiddenPage, notFoundPage } from './pages/common-pages.ts';
import type { FormState } from './pages/lagesbild-forms.ts';
import { weekPage, type WeekForm } from './pages/lagesbild-week-page.ts';
import type { StaffWebDeps } from './staff-deps.ts';

/**
 * What the lägesbild's routes share (lagesbild-view-routes.ts and
 * lagesbild-change-routes.ts): the signed-in member, the answer to a client
 * error as a page, and the week's page itself, which a refused form shows again.
 */

/** The signed-in member; the access guard lets no one through to these handlers without a session. */
export function signedInOf(c: Context): SignedIn {
  const signedIn = c.get('signedIn');
  if (!signedIn) throw new Error('staff route reached without a session');
  return signedIn;
}

/** Answers the lägesbild's client errors as pages; anything else is a fault and goes on up. */
export function refusal(c: Context, error: unknown): Response | Promise<Response> {
  const signedIn = c.get('signedIn');
  if (error instanceof NotFoundError) return c.html(notFoundPage(signedIn), 404);
  if (error instanceof LagesbildRoleError) return c.html(forbiddenPage(signedIn), 403);
  throw error;
}

/** Today in Stockholm (YYYY-MM-DD). */
export function today(deps: StaffWebDeps): string {
  return localDateOf(deps.clock());
}

/** A positive whole number from a path or query, or NaN (the use cases answer 404 for it). */
export function wholeNumber(text: string | undefined): number {
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
}

/** Who froze what: staff ids to addresses (a member who left keeps their id in the version). */
export async function staffNames(deps: StaffWebDeps): Promise<Map<string, string>> {
  return new Map((await deps.staff.listStaff()).map((member) => [String(member.id), member.email]));
}

/** Renders the live week, optionally with a refused form (422) or a done message. */
export async function renderWeek(
  c: Context,
  deps: StaffWebDeps,
  extra: { refused?: { form: WeekForm; state: FormState }; done?: string } = {},
) {
  const signedIn = signedInOf(c);
  const { member, audit } = lagesbildActor(deps, signedIn);
  try {
    const live = await deps.lagesbild.viewWeek(member, audit, c.req.param('vecka') ?? '');
    const week = live.picture.week;
    return c.html(
      weekPage({ signedIn, week, live, today: today(deps), names: await staffNames(deps), ...extra }),
      extra.refused ? 422 : 200,
    );
  } catch (error) {
    return refusal(c, error);
  }
}
