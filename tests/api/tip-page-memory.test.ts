import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessServer, type InProcessServer } from '../helpers/in-process-server.ts';

/**
 * The tip page is rendered by Astro for every request through a stand-in
 * request (src/web/astro-pages.ts). Astro hangs a listener on that
 * request's socket; once a rendering leaked ~11 KB this way, so a busy day
 * would have exhausted the server. Renders many pages and checks that the
 * heap, after collection, stays where it was.
 */

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

let server: InProcessServer;
beforeAll(async () => {
  server = await startInProcessServer();
});
afterAll(() => server.stop());

async function renderTipPage(times: number): Promise<void> {
  for (let i = 0; i < times; i += 25) {
    await Promise.all(
      Array.from({ length: 25 }, async () => {
        const response = await fetch(`${server.url}/en/report/`);
        expect(response.status).toBe(200);
        await response.arrayBuffer();
      }),
    );
  }
}

function heapAfterCollection(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('rendering the tip page', () => {
  it('keeps nothing per request: the heap does not grow with the number of renderings', async () => {
    await renderTipPage(300);
    const before = heapAfterCollection();
    await renderTipPage(2000);
    const growth = heapAfterCollection() - before;
    console.info(`tip page: heap grew ${(growth / 1e6).toFixed(2)} MB over 2,000 renderings`);
    // The leak this guards against kept ~11 KB per rendering: 22 MB here.
    expect(growth).toBeLessThan(4_000_000);
  }, 120_000);
});
