import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '../../src/schemas/tip-options.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

describe('GET /api/openapi.json', () => {
  it('describes the public and intake APIs in OpenAPI 3.1, generated from the zod schemas', async () => {
    const response = await fetch(`${server.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: {
        schemas: { TipSubmission: { properties: Record<string, { enum?: string[] }>; required: string[] } };
      };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/tips',
        '/health',
        '/health/details',
        '/intake/claim',
        '/intake/ack',
        '/intake/release',
        '/intake/dead-letters',
      ]),
    );
    const submission = doc.components.schemas.TipSubmission;
    expect(submission.properties.category?.enum).toEqual([...CATEGORY_IDS]);
    expect(submission.required).toEqual(['category', 'area', 'description']);
    for (const path of ['/intake/claim', '/intake/ack', '/health/details']) {
      const operation = Object.values(doc.paths[path] ?? {})[0];
      expect(operation?.security, path).toEqual([{ intakeToken: [] }]);
    }
  });
});
