import type { Context } from 'hono';
import type { StaffRole } from '../../store/staff-store.ts';
import {
  beginOidc,
  completeOidc,
  requestLink,
  showLink,
  showSignIn,
  showStart,
  signOutRoute,
  useLink,
} from './sign-in-routes.ts';
import {
  postAddStaff,
  postDeactivate,
  postOidc,
  postReactivate,
  postRole,
  showAudit,
  showStaff,
} from './admin-routes.ts';
import { postAssign, postNote, postRedact, postStatus, showInbox, showTip } from './inbox-routes.ts';
import {
  postAction,
  postActionEdit,
  postEntryEdit,
  postFreeze,
  postNotes,
  postObservation,
  postRemoveAction,
  postRemoveEntry,
  showActionEdit,
  showEntryEdit,
} from './lagesbild-change-routes.ts';
import {
  downloadCounts,
  downloadEntries,
  downloadRollup,
  showLagesbild,
  showRollup,
  showTrend,
  showVersion,
  showWeek,
} from './lagesbild-view-routes.ts';
import type { StaffWebDeps } from './staff-deps.ts';
import { STAFF_CSS } from './staff-css.ts';

/** Who may use a route: anyone (the sign-in pages), or signed-in members with one of these roles. */
export type Access = 'public' | readonly StaffRole[];

/** One row of the role table: a method and path under /personal, who may use it, and what answers. */
export interface StaffRoute {
  method: 'GET' | 'POST';
  /** Relative to /personal; `:name` for a parameter. */
  path: string;
  access: Access;
  handle: (c: Context, deps: StaffWebDeps) => Response | Promise<Response>;
}

export const ANY_ROLE: readonly StaffRole[] = ['reader', 'handler', 'admin'];
export const HANDLERS: readonly StaffRole[] = ['handler', 'admin'];
export const ADMINS: readonly StaffRole[] = ['admin'];

/**
 * THE role table: every staff route and the roles it allows, in one place
 * (THREATS S3). The staff app registers exactly these rows, each behind the
 * one access guard; a path not listed here does not exist (404), and a
 * role not listed for a row gets 403. tests/api/staff-authorisation.test.ts
 * generates its matrix from this table. A new route is one more row.
 */
export const STAFF_ROUTES: readonly StaffRoute[] = [
  {
    method: 'GET',
    path: '/stil.css',
    access: 'public',
    handle: (c) => c.body(STAFF_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }),
  },
  { method: 'GET', path: '/inloggning', access: 'public', handle: showSignIn },
  { method: 'POST', path: '/inloggning', access: 'public', handle: requestLink },
  { method: 'GET', path: '/inloggning/lank', access: 'public', handle: showLink },
  { method: 'POST', path: '/inloggning/lank', access: 'public', handle: useLink },
  { method: 'GET', path: '/inloggning/oidc', access: 'public', handle: beginOidc },
  { method: 'GET', path: '/inloggning/oidc/retur', access: 'public', handle: completeOidc },
  { method: 'POST', path: '/utloggning', access: ANY_ROLE, handle: signOutRoute },
  { method: 'GET', path: '/', access: ANY_ROLE, handle: showStart },
  { method: 'GET', path: '/inkorg', access: HANDLERS, handle: showInbox },
  { method: 'GET', path: '/tips/:referens', access: HANDLERS, handle: showTip },
  { method: 'POST', path: '/tips/:referens/status', access: HANDLERS, handle: postStatus },
  { method: 'POST', path: '/tips/:referens/tilldela', access: HANDLERS, handle: postAssign },
  { method: 'POST', path: '/tips/:referens/anteckningar', access: HANDLERS, handle: postNote },
  { method: 'POST', path: '/tips/:referens/maskera', access: HANDLERS, handle: postRedact },
  // The weekly lägesbild: readers see weeks, trends, versions and exports; handlers also change and freeze.
  // The fixed paths come before `:vecka`, which would otherwise take "trend" for a week (and answer 404).
  { method: 'GET', path: '/lagesbild', access: ANY_ROLE, handle: showLagesbild },
  { method: 'GET', path: '/lagesbild/trend', access: ANY_ROLE, handle: showTrend },
  { method: 'GET', path: '/lagesbild/sammanstallning', access: ANY_ROLE, handle: showRollup },
  { method: 'GET', path: '/lagesbild/sammanstallning.csv', access: ANY_ROLE, handle: downloadRollup },
  { method: 'GET', path: '/lagesbild/:vecka', access: ANY_ROLE, handle: showWeek },
  { method: 'GET', path: '/lagesbild/:vecka/antal.csv', access: ANY_ROLE, handle: downloadCounts },
  { method: 'GET', path: '/lagesbild/:vecka/poster.csv', access: ANY_ROLE, handle: downloadEntries },
  { method: 'GET', path: '/lagesbild/:vecka/version/:nr', access: ANY_ROLE, handle: showVersion },
  { method: 'POST', path: '/lagesbild/:vecka/observationer', access: HANDLERS, handle: postObservation },
  { method: 'GET', path: '/lagesbild/:vecka/poster/:post', access: HANDLERS, handle: showEntryEdit },
  { method: 'POST', path: '/lagesbild/:vecka/poster/:post', access: HANDLERS, handle: postEntryEdit },
  { method: 'POST', path: '/lagesbild/:vecka/poster/:post/ta-bort', access: HANDLERS, handle: postRemoveEntry },
  { method: 'POST', path: '/lagesbild/:vecka/anteckningar', access: HANDLERS, handle: postNotes },
  { method: 'POST', path: '/lagesbild/:vecka/atgarder', access: HANDLERS, handle: postAction },
  { method: 'GET', path: '/lagesbild/:vecka/atgarder/:atgard', access: HANDLERS, handle: showActionEdit },
  { method: 'POST', path: '/lagesbild/:vecka/atgarder/:atgard', access: HANDLERS, handle: postActionEdit },
  { method: 'POST', path: '/lagesbild/:vecka/atgarder/:atgard/ta-bort', access: HANDLERS, handle: postRemoveAction },
  { method: 'POST', path: '/lagesbild/:vecka/faststall', access: HANDLERS, handle: postFreeze },
  { method: 'GET', path: '/logg', access: ADMINS, handle: showAudit },
  { method: 'GET', path: '/personal', access: ADMINS, handle: showStaff },
  { method: 'POST', path: '/personal', access: ADMINS, handle: postAddStaff },
  { method: 'POST', path: '/personal/:id/roll', access: ADMINS, handle: postRole },
  { method: 'POST', path: '/personal/:id/oidc', access: ADMINS, handle: postOidc },
  { method: 'POST', path: '/personal/:id/avaktivera', access: ADMINS, handle: postDeactivate },
  { method: 'POST', path: '/personal/:id/aktivera', access: ADMINS, handle: postReactivate },
];
