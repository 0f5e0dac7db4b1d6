import type { SignedIn } from '../../../staff/actor.ts';
import { html, type Html } from './html.ts';
import { staffPage } from './layout.ts';

/** The start page of handlers and admins: what their role opens (readers land on the lägesbild instead). */
export function startPage(signedIn: SignedIn): Html {
  const role = signedIn.member.role;
  return staffPage(
    { title: 'Start', signedIn, section: 'start' },
    html`<h1>Personalsidorna</h1>
      <ul>
        <li><a href="/personal/inkorg">Inkorgen</a>: alla tips, nyast först.</li>
        <li><a href="/personal/lagesbild">Lägesbilden</a>: den här veckan, inför och under mötet.</li>
        ${
          role === 'admin'
            ? html`<li><a href="/personal/logg">Loggen</a>: vem som gjorde vad och när.</li>
                <li><a href="/personal/personal">Personal</a>: vilka som får logga in och med vilken roll.</li>`
            : ''
        }
      </ul>`,
  );
}

export function forbiddenPage(signedIn: SignedIn | undefined): Html {
  return staffPage(
    { title: 'Ingen behörighet', signedIn },
    html`<h1>Ingen behörighet</h1>
      <p>Din roll ger inte tillgång till den här sidan eller åtgärden.</p>
      <p><a href="/personal">Till startsidan</a></p>`,
  );
}

/** A form post that did not come from our own page (cross-site, or without the session's token). */
export function refusedPostPage(signedIn: SignedIn | undefined): Html {
  return staffPage(
    { title: 'Formuläret kunde inte skickas', signedIn },
    html`<h1>Formuläret kunde inte skickas</h1>
      <p>
        Formuläret kom inte från den här sidan eller har blivit för gammalt. Gå tillbaka, ladda om sidan och försök
        igen.
      </p>`,
  );
}

export function notFoundPage(signedIn: SignedIn | undefined): Html {
  return staffPage(
    { title: 'Sidan finns inte', signedIn },
    html`<h1>Sidan finns inte</h1>
      <p>Sidan eller tipset finns inte. Ett tips kan ha tagits bort när dess lagringstid gick ut.</p>
      <p><a href="/personal">Till startsidan</a></p>`,
  );
}

export function tooManyPage(retryAfterSeconds: number): Html {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return staffPage(
    { title: 'För många försök', section: 'sign-in' },
    html`<h1>För många försök</h1>
      <p>
        Det har gjorts för många inloggningsförsök härifrån. Försök igen om ${minutes}
        minut${minutes === 1 ? '' : 'er'}.
      </p>`,
  );
}
