import type { SignedIn } from '../../../staff/actor.ts';
import { STYLESHEET_PATH } from '../staff-paths.ts';
import { csrfField, html, type Html } from './html.ts';

/** The staff area's sections, for the navigation's current-page mark. */
export type Section = 'start' | 'lagesbild' | 'inbox' | 'audit' | 'staff' | 'sign-in';

export interface Frame {
  title: string;
  signedIn?: SignedIn | undefined;
  section?: Section;
}

function navigation(signedIn: SignedIn, section: Section | undefined): Html {
  const role = signedIn.member.role;
  const links: { section: Section; href: string; label: string }[] = [];
  // Readers' start is the lägesbild; handlers and admins have a start page and the inbox.
  if (role === 'handler' || role === 'admin') {
    links.push({ section: 'start', href: '/personal', label: 'Start' });
    links.push({ section: 'inbox', href: '/personal/inkorg', label: 'Inkorg' });
  }
  links.push({ section: 'lagesbild', href: '/personal/lagesbild', label: 'Lägesbild' });
  if (role === 'admin') {
    links.push({ section: 'audit', href: '/personal/logg', label: 'Logg' });
    links.push({ section: 'staff', href: '/personal/personal', label: 'Personal' });
  }
  return html`<nav class="staff-nav" aria-label="Personalsidor">
    <ul>
      ${links.map(
        (link) =>
          html`<li>
            <a href="${link.href}" ${link.section === section ? html`aria-current="page"` : ''}>${link.label}</a>
          </li>`,
      )}
    </ul>
  </nav>`;
}

const ROLE_NAMES = { reader: 'läsare', handler: 'handläggare', admin: 'administratör' } as const;

/**
 * Every staff page: Swedish, no script, the site's colours, a skip link, the
 * navigation the member's role allows and a sign-out button (a form post
 * with the session's CSRF token).
 */
export function staffPage(frame: Frame, body: Html): Html {
  const { signedIn } = frame;
  return html`<!doctype html>
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>${frame.title} – Tillsammans för trygghet, personal</title>
        <link rel="stylesheet" href="${STYLESHEET_PATH}" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">Hoppa till innehållet</a>
        <header class="staff-header">
          <div class="container">
            <a class="staff-name" href="/personal">Tillsammans för trygghet – personal</a>
            ${signedIn ? navigation(signedIn, frame.section) : ''}
            ${
              signedIn
                ? html`<div class="staff-user">
                    <span class="who">${signedIn.member.email} (${ROLE_NAMES[signedIn.member.role]})</span>
                    <form method="post" action="/personal/utloggning">
                      ${csrfField(signedIn.csrfToken)}
                      <button type="submit" class="secondary">Logga ut</button>
                    </form>
                  </div>`
                : ''
            }
          </div>
        </header>
        <main id="main" class="container" tabindex="-1">${body}</main>
      </body>
    </html>`;
}
