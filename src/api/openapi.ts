import * as z from 'zod/mini';
import {
  CONTACT_MAX,
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  PLACE_MAX,
  submissionSchema,
  TIP_ERROR_CODES,
} from '../schemas/tip.ts';
import { TIMES_OF_DAY, WHEN_KINDS } from '../schemas/tip-options.ts';

type JsonSchema = Record<string, unknown>;

/** JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) of a zod schema's input. */
export function jsonSchemaOf(schema: z.core.$ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  return rest;
}

/**
 * The submission's JSON Schema from the shared zod schema, with the limits
 * that the schema checks in code (lengths counted in code points, cross-field
 * rules) written out for readers of the API description.
 */
function submissionJsonSchema(): JsonSchema {
  const schema = jsonSchemaOf(submissionSchema('2000-01-01'));
  const properties = schema.properties as Record<string, JsonSchema>;
  Object.assign(properties.description ?? {}, {
    minLength: DESCRIPTION_MIN,
    maxLength: DESCRIPTION_MAX,
    description: `What happened. ${DESCRIPTION_MIN}–${DESCRIPTION_MAX} characters after trimming, counted as Unicode code points after NFC; control characters other than newline and tab are refused.`,
  });
  Object.assign(properties.place ?? {}, {
    maxLength: PLACE_MAX,
    description: 'Address, stairwell or landmark. Single line.',
  });
  Object.assign(properties.when ?? {}, { enum: ['', ...WHEN_KINDS], description: '"date" requires whenDate.' });
  Object.assign(properties.whenDate ?? {}, { format: 'date', description: 'YYYY-MM-DD, not in the future.' });
  Object.assign(properties.whenTime ?? {}, { enum: ['', ...TIMES_OF_DAY] });
  Object.assign(properties.contactWanted ?? {}, {
    description:
      'true or "on" when the tipster wants to be contacted (the tip is then not anonymous); requires contactEmail or contactPhone.',
  });
  Object.assign(properties.contactEmail ?? {}, { format: 'email', maxLength: CONTACT_MAX });
  Object.assign(properties.website ?? {}, { description: 'Honeypot: must be empty.' });
  Object.assign(properties.formToken ?? {}, {
    description: 'The signed token the tip page was served with (at least MIN_FILL_SECONDS old, at most 24 hours).',
  });
  Object.assign(properties.idempotencyKey ?? {}, {
    description:
      'The same key within 24 hours with the same content returns the same reference and stores nothing new; with other content it is refused (409).',
  });
  return schema;
}

const errorSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string', description: 'Localized (the form language, else Accept-Language).' },
        fields: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            properties: { code: { type: 'string', enum: [...TIP_ERROR_CODES] }, message: { type: 'string' } },
          },
        },
        retryAfterSeconds: { type: 'integer' },
      },
    },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

export interface OpenApiExtras {
  /** More paths (e.g. the intake queue), already in OpenAPI 3.1 form. */
  paths?: Record<string, unknown>;
  schemas?: Record<string, JsonSchema>;
}

/** OpenAPI 3.1 for the public and intake APIs. */
export function openApiDocument(siteUrl: string, extras: OpenApiExtras = {}): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tillsammans för trygghet — tips and intake API',
      version: '1.0.0',
      description:
        'Anonymous tips to Huge Bostäder and the intake queue staff systems consume. No IP address, user agent or other identifying metadata is stored, logged or forwarded.',
    },
    servers: [{ url: new URL('/api', siteUrl).href }],
    paths: {
      '/tips': {
        post: {
          summary: 'Send a tip',
          description:
            'JSON in, JSON out. (The form without JavaScript posts to the tip page itself, not here.) Cross-site browser posts are refused (403); a client flooding posts is refused (429).',
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/TipSubmission' } } },
          },
          responses: {
            '201': {
              description: 'Stored durably; delivery to email and the intake queue follows.',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['reference'],
                    properties: { reference: { type: 'string', pattern: '^[A-Z0-9]{4}-[A-Z0-9]{4}$' } },
                  },
                },
              },
            },
            '400': errorResponse('The body could not be parsed.'),
            '403': errorResponse('A cross-site browser post.'),
            '413': errorResponse('The body is over 64 KB.'),
            '409': errorResponse('The idempotency key was used within 24 hours for other content.'),
            '415': errorResponse('Not JSON (a form post included).'),
            '422': errorResponse('Field errors (or a missing, forged, expired or too fresh form token).'),
            '429': {
              ...errorResponse('Too many requests; see Retry-After.'),
              headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds' } },
            },
          },
        },
      },
      '/health': {
        get: {
          summary: 'Liveness and readiness',
          responses: {
            '200': {
              description: 'Serving',
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { status: { enum: ['ok', 'degraded'] } } },
                },
              },
            },
          },
        },
      },
      '/health/ready': {
        get: {
          summary: 'For load balancers',
          responses: { '200': { description: 'Serving' }, '503': { description: 'Shutting down' } },
        },
      },
      '/health/details': {
        get: {
          summary: 'Queue and delivery figures (operators)',
          security: [{ intakeToken: [] }],
          responses: {
            '200': { description: 'Figures' },
            '401': errorResponse('Missing or wrong token'),
            '404': errorResponse('Switched off: INTAKE_TOKENS is not set (code "disabled")'),
          },
        },
      },
      ...extras.paths,
    },
    components: {
      schemas: { TipSubmission: submissionJsonSchema(), Error: errorSchema, ...extras.schemas },
      securitySchemes: { intakeToken: { type: 'http', scheme: 'bearer', description: 'One of INTAKE_TOKENS' } },
    },
  };
}

interface IntakeOperation {
  method: string;
  path: string;
  summary: string;
  request?: z.core.$ZodType;
  query?: z.core.$ZodType;
  response: z.core.$ZodType;
}

/** The intake queue's paths, from the zod schemas its routes validate with. */
export function intakePaths(operations: readonly IntakeOperation[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    const query = operation.query ? (jsonSchemaOf(operation.query).properties as Record<string, JsonSchema>) : {};
    (paths[`/intake${operation.path}`] ??= {})[operation.method] = {
      summary: operation.summary,
      security: [{ intakeToken: [] }],
      ...(operation.request && {
        requestBody: { content: { 'application/json': { schema: jsonSchemaOf(operation.request) } } },
      }),
      ...(operation.query && {
        parameters: Object.entries(query).map(([name, schema]) => ({ name, in: 'query', required: false, schema })),
      }),
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: jsonSchemaOf(operation.response) } } },
        '401': errorResponse('Missing or wrong token'),
        '404': errorResponse('Switched off: INTAKE_TOKENS is not set (code "disabled")'),
        '422': errorResponse('Invalid request'),
      },
    };
  }
  return paths;
}
