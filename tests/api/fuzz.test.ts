import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.ts';
import { isoDate, validateSubmission } from '../../src/schemas/tip.ts';
import { AREA_IDS, CATEGORY_IDS, TIMES_OF_DAY, WHEN_KINDS } from '../../src/schemas/tip-options.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { servedForm, type ServedForm } from '../helpers/tip-client.ts';

/**
 * THREATS #2: property-based fuzzing of the live endpoints with random
 * bodies, content types and encodings: JSON to the API, form posts to the
 * tip page (the form without JavaScript), garbage to both. Schema-valid →
 * accepted; anything else → 4xx with a message; never a 5xx; nothing stored
 * on a 4xx. Limits are raised: this is about validation. FUZZ_RUNS raises
 * the case count (bench script).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const TOKEN = 'fuzz-intake-token-0123456789abcdef0123';

let server: TestServer;
/** Only the form token: without an idempotency key every accepted case is a new tip, so stored = accepted. */
let form: Pick<ServedForm, 'formToken'>;
beforeAll(async () => {
  server = await startServer({
    env: {
      RATE_LIMIT_CLIENT_POSTS: '1000000/1m',
      RATE_LIMIT_CLIENT_TIPS: '1000000/1m',
      RATE_LIMIT_CLIENT_TIPS_PER_DAY: '1000000',
      RATE_LIMIT_GLOBAL_TIPS: '1000000/1m',
      SURGE_TIPS: '999999',
      WORKER: 'off',
      INTAKE_TOKENS: TOKEN,
    },
  });
  form = { formToken: (await servedForm(server.url)).formToken };
});
afterAll(() => server.stop());

// Text that reaches the edges: control characters, CR/LF, bidi overrides, astral and combining characters.
const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom('', ' ', '\r\n', '\u0000', '\u202E', 'e\u0301', '😀', '<script>', '%00', '\uFFFF', '\uD800'),
  fc.string({
    unit: fc.constantFrom('a', 'ش', '\n', '\t', '\r', '\u0007', '😀', ' '),
    minLength: 3990,
    maxLength: 4010,
  }),
);

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const maybeValid = <T>(values: readonly T[]) => fc.oneof(fc.constantFrom(...values), nastyText);

/** Mostly tip-shaped records, so validation paths (not just "not an object") are exercised. */
const tipShaped = fc.record(
  {
    category: maybeValid(CATEGORY_IDS),
    area: maybeValid(AREA_IDS),
    place: optional(nastyText),
    when: optional(maybeValid(['', ...WHEN_KINDS])),
    whenDate: optional(fc.oneof(fc.constantFrom('2026-11-01', '2026-02-30', '2099-01-01', ''), nastyText)),
    whenTime: optional(maybeValid(['', ...TIMES_OF_DAY])),
    description: fc.oneof(nastyText, fc.constant('Trasig belysning vid gångtunneln sedan en vecka.')),
    contactWanted: optional(fc.oneof(fc.constantFrom('on', 'true', ''), fc.boolean(), nastyText)),
    contactEmail: optional(fc.oneof(fc.constant('a@example.se'), nastyText)),
    contactPhone: optional(fc.oneof(fc.constant('070-123 45 67'), nastyText)),
    lang: optional(maybeValid(LOCALES)),
    extra: optional(nastyText),
  },
  { requiredKeys: [] },
);

/** Tips that should pass, with ordinary text in any script: the "schema-valid → accepted" side. */
const validTip = fc.record(
  {
    category: fc.constantFrom(...CATEGORY_IDS),
    area: fc.constantFrom(...AREA_IDS),
    place: optional(fc.string({ unit: 'grapheme', maxLength: 60 })),
    when: optional(fc.constantFrom('', 'now', 'recurring')),
    whenTime: optional(fc.constantFrom('', ...TIMES_OF_DAY)),
    description: fc.string({ unit: 'grapheme', minLength: 12, maxLength: 400 }),
    lang: optional(fc.constantFrom(...LOCALES)),
  },
  { requiredKeys: ['category', 'area', 'description'] },
);

/** A valid tip with one field replaced by something nasty. */
const mutatedTip = fc
  .tuple(
    validTip,
    fc.constantFrom('category', 'area', 'place', 'when', 'description', 'contactEmail', 'extra'),
    nastyText,
  )
  .map(([tip, field, value]) => ({ ...tip, [field]: value }));

const submission = fc.oneof(
  { arbitrary: validTip, weight: 3 },
  { arbitrary: mutatedTip, weight: 3 },
  { arbitrary: tipShaped, weight: 2 },
);

type Case = {
  contentType: string | undefined;
  body: Uint8Array<ArrayBuffer>;
  input: unknown;
  kind: 'json' | 'form' | 'other';
  /** Where it is posted: the API, or the tip page (the form's own URL). */
  path: '/api/tips' | '/tipsa/';
};

const utf8 = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

const jsonCase = fc
  .oneof({ arbitrary: submission, weight: 4 }, { arbitrary: fc.jsonValue(), weight: 1 })
  .map((value): Case => {
    const sent =
      typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...form, ...(value as object) } : value;
    // The model judges what the server receives: JSON drops keys whose value is undefined.
    const json = JSON.stringify(sent) ?? 'null';
    return {
      contentType: 'application/json',
      body: utf8(json),
      input: JSON.parse(json) as unknown,
      kind: 'json',
      path: '/api/tips',
    };
  });

const formCase = submission.map((value): Case => {
  const fields = Object.fromEntries(
    Object.entries({ ...form, ...value })
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
  return {
    contentType: 'application/x-www-form-urlencoded',
    body: utf8(new URLSearchParams(fields).toString()),
    // The tip page takes the form's language from its own URL.
    input: { ...fields, lang: 'sv' },
    kind: 'form',
    path: '/tipsa/',
  };
});

const garbageCase = fc
  .record({
    contentType: fc.option(
      fc.oneof(
        fc.constantFrom(
          'application/json',
          'application/x-www-form-urlencoded',
          'text/plain',
          'multipart/form-data',
          'application/json; charset=latin1',
          '',
        ),
        fc.string({ maxLength: 40 }),
      ),
      { nil: undefined },
    ),
    body: fc.uint8Array({ maxLength: 2000 }),
    path: fc.constantFrom('/api/tips', '/tipsa/'),
  })
  .map((value): Case => ({ ...value, body: new Uint8Array(value.body), input: undefined, kind: 'other' }));

describe('fuzzing POST /api/tips and the tip page', () => {
  it(`never answers a client's input with a 5xx, and stores only what the schema accepts (${RUNS} cases)`, async () => {
    let accepted = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(jsonCase, formCase, garbageCase), async (c) => {
        const headers: Record<string, string> = {};
        if (c.contentType !== undefined) headers['Content-Type'] = c.contentType;
        let response: Response;
        try {
          response = await fetch(`${server.url}${c.path}`, { method: 'POST', headers, body: c.body });
        } catch {
          // A header value fetch itself refuses to send never reached the server.
          return;
        }
        const text = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, text.slice(0, 300)).toBeLessThan(500);
        // A form post is stored when the page is the confirmation (it may also be held for personal data: 200).
        const stored =
          c.kind === 'json' || c.path === '/api/tips' ? response.status === 201 : text.includes('tip-reference');
        if (stored) accepted += 1;
        if (response.status >= 300) expect(text.length).toBeGreaterThan(0);
        if (c.kind !== 'other') {
          const valid = validateSubmission(c.input, isoDate(Date.now() + 86_400_000)).success;
          const ok = c.kind === 'json' ? 201 : 200;
          if (valid) expect(response.status, text.slice(0, 300)).toBe(ok);
          else expect(response.status, text.slice(0, 300)).toBeGreaterThanOrEqual(400);
        }
      }),
      { numRuns: RUNS },
    );
    const details = await fetch(`${server.url}/api/health/details`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const { queueDepth } = (await details.json()) as { queueDepth: { intake: number } };
    expect(queueDepth.intake).toBe(accepted);
    console.info(`fuzz: ${RUNS} cases, statuses ${JSON.stringify(Object.fromEntries(statuses))}, stored ${accepted}`);
  }, 300_000);
});
