import { errorSummary, html, type FieldError, type Html } from './html.ts';
import { staffPage } from './layout.ts';

export interface SignInPageState {
  emailLinks: boolean;
  /** "Logga in med <name>", when OIDC is configured. */
  oidcName: string | undefined;
  email?: string;
  errors?: FieldError[];
  /** After a link was asked for (the same whether or not the address is on the list). */
  sent?: boolean;
  signedOut?: boolean;
  /** The OIDC sign-in did not complete (wrong state, a refused or unlisted account …). */
  oidcFailed?: boolean;
}

/** The sign-in page: an email form for a one-time link and/or the OIDC button. */
export function signInPage(state: SignInPageState): Html {
  const errors = state.errors ?? [];
  const emailError = errors.find((error) => error.field === 'email');
  return staffPage(
    { title: errors.length > 0 ? 'Fel: Logga in' : 'Logga in', section: 'sign-in' },
    html`${errorSummary(errors)}
      <h1>Logga in</h1>
      ${state.signedOut ? html`<p class="notice notice--success" role="status">Du är utloggad.</p>` : ''}
      ${
        state.sent
          ? html`<div class="notice notice--success" role="status">
              <p><strong>Titta i din e-post.</strong></p>
              <p>
                Om adressen finns på personallistan har vi skickat en inloggningslänk till den. Länken fungerar en gång
                och i 15 minuter.
              </p>
            </div>`
          : ''
      }
      ${
        state.oidcFailed
          ? html`<p class="notice notice--warning" role="alert">
              Inloggningen gick inte att slutföra. Försök igen, eller kontakta en administratör om du ska ha tillgång.
            </p>`
          : ''
      }
      <p class="lead">Personalsidorna är till för dem som tar hand om tipsen och för samverkansparterna.</p>
      ${
        state.oidcName
          ? // A link, not a form: the CSP's form-action 'self' also covers where a form's redirect goes.
            html`<p><a class="button" href="/personal/inloggning/oidc">Logga in med ${state.oidcName}</a></p>`
          : ''
      }
      ${
        state.emailLinks
          ? html`<h2>${state.oidcName ? 'Eller få en inloggningslänk' : 'Få en inloggningslänk'}</h2>
              <form method="post" action="/personal/inloggning" novalidate>
                <div class="field ${emailError ? 'field--error' : ''}">
                  <label for="email">Din e-postadress</label>
                  <span class="hint" id="email-hint"
                    >Adressen som står på personallistan, till exempel namn@huge.se.</span
                  >
                  ${emailError ? html`<span class="error-message" id="email-error">Fel: ${emailError.message}</span>` : ''}
                  <input
                    type="email"
                    id="email"
                    name="email"
                    autocomplete="email"
                    spellcheck="false"
                    value="${state.email ?? ''}"
                    aria-describedby="email-hint${emailError ? ' email-error' : ''}"
                  />
                </div>
                <button type="submit">Skicka länk</button>
              </form>`
          : ''
      }`,
  );
}

/** What an emailed link opens: one button that signs in (a mail scanner fetching the link uses nothing up). */
export function linkPage(token: string | undefined): Html {
  return staffPage(
    { title: 'Logga in med länken', section: 'sign-in' },
    html`<h1>Logga in med länken</h1>
      ${
        token
          ? html`<p>Tryck på knappen för att logga in. Länken fungerar bara en gång.</p>
              <form method="post" action="/personal/inloggning/lank">
                <input type="hidden" name="kod" value="${token}" />
                <button type="submit">Logga in</button>
              </form>`
          : html`<p>Länken saknar sin kod. <a href="/personal/inloggning">Be om en ny länk</a>.</p>`
      }`,
  );
}

/** A used, expired or unknown link. */
export function linkFailedPage(): Html {
  return staffPage(
    { title: 'Länken fungerar inte', section: 'sign-in' },
    html`<h1>Länken fungerar inte</h1>
      <p>Länken har redan använts, är äldre än 15 minuter eller gäller inte längre.</p>
      <p><a href="/personal/inloggning">Be om en ny inloggningslänk</a></p>`,
  );
}

/**
 * After an OIDC sign-in: a page of our own that moves on to the start page,
 * so the next request is same-site and carries the SameSite=Strict cookie
 * (the browser arrived here on a navigation started by the provider's site).
 */
export function signedInPage(): Html {
  return html`<!doctype html>
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta http-equiv="refresh" content="0; url=/personal" />
        <title>Inloggad – Tillsammans för trygghet, personal</title>
      </head>
      <body>
        <main>
          <p>Du är inloggad. <a href="/personal">Fortsätt till personalsidorna</a>.</p>
        </main>
      </body>
    </html>`;
}
