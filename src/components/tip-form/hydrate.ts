/**
 * Hydrates the server-rendered tip form (see TipFormIsland.astro). It stands
 * in for Astro's `client:load`, whose island runtime is an inline script
 * (which the site's CSP, script-src 'self', does not allow) and costs about
 * 3.4 KB gzipped with its renderer: the page must stay within 20 KB.
 */
import { h, hydrate } from 'preact';
import { config } from 'zod/mini';
import TipForm from './TipForm.tsx';
import type { TipFormProps } from './props.ts';
import { ISLAND_ROOT_ID } from './island.ts';
import { formValues } from './validation.ts';

// The page's CSP has no 'unsafe-eval': tell zod not to try `new Function` (it
// would fall back anyway, after a CSP violation report in the console).
config({ jitless: true });

const root = document.getElementById(ISLAND_ROOT_ID);
const props = root?.dataset.props;
if (root && props) {
  const parsed = JSON.parse(props) as TipFormProps;
  const form = root.querySelector('form');
  // What the form holds now wins over what the server rendered (see formValues).
  const values = form ? { ...parsed.values, ...formValues(form) } : parsed.values;
  hydrate(h(TipForm, { ...parsed, values }), root);
}
