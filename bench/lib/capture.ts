import { request } from 'node:http';
import type { LoadOptions } from './load.ts';

/** One response as the service wrote it: what a matched ceiling answers with (bench/ceiling-server.ts). */
export interface CapturedResponse {
  status: number;
  /** Every header but those Node writes itself per connection or per body (Date, Connection, lengths). */
  headers: Record<string, string>;
  bodyBase64: string;
}

/** Written by Node for every response (or derived from the body), so the ceiling's server writes its own. */
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/**
 * Sends the scenario's request once, exactly as the load tool will (method,
 * path, headers, body), and keeps the answer byte for byte: the body as it
 * came (compressed if it was), every header with its name as written.
 */
export function captureResponse(options: LoadOptions): Promise<CapturedResponse> {
  const body = options.body?.replace(/\[<id>\]/g, 'capture-0123456789abcdef');
  return new Promise((resolve, reject) => {
    const req = request(
      options.url,
      {
        method: options.method ?? 'GET',
        headers: { ...options.headers, ...(body === undefined ? {} : { 'Content-Length': Buffer.byteLength(body) }) },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const name = res.rawHeaders[i] ?? '';
            if (!PER_CONNECTION.has(name.toLowerCase())) headers[name] = res.rawHeaders[i + 1] ?? '';
          }
          resolve({ status: res.statusCode ?? 0, headers, bodyBase64: Buffer.concat(chunks).toString('base64') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
