// A matched ceiling for `npm run bench`: bare Hono on @hono/node-server, in
// its own Node process, answering every request with exactly the status,
// headers and body the service answered to the scenario's request (captured
// in the same run, passed as a JSON file in CEILING_RESPONSE). No request
// log, no security headers of its own, no limits: only what the service's
// answer costs to route and write. It imports nothing of the service.
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/** One response as the bench captured it (bench/lib/capture.ts). */
interface CapturedResponse {
  status: number;
  headers: Record<string, string>;
  bodyBase64: string;
}

const file = process.env.CEILING_RESPONSE;
if (!file) throw new Error('CEILING_RESPONSE: the captured response to answer with (a JSON file)');
const captured = JSON.parse(readFileSync(file, 'utf8')) as CapturedResponse;
const bytes = Buffer.from(captured.bodyBase64, 'base64');
const body = bytes.byteLength === 0 ? null : new Uint8Array(bytes);
const { status, headers } = captured;

const app = new Hono();
app.all('*', () => new Response(body, { status, headers }));

const server = serve(
  { fetch: app.fetch, hostname: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 0) },
  (info) => console.log(JSON.stringify({ msg: 'listening', url: `http://${info.address}:${info.port}/` })),
);
process.once('SIGTERM', () => server.close(() => process.exit(0)));
