import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';

/**
 * @sparticuz/chromium unpacks the browser to `<temp dir>/chromium` and reuses
 * whatever is there: on a machine where root ran the tests first, that file
 * is root's (mode 0700) and an ordinary user's launch fails with EACCES. So
 * each user unpacks into a folder of their own under the temp directory.
 */
async function chromiumPath(): Promise<string> {
  const folder = join(tmpdir(), `trygghet-chromium-${process.getuid?.() ?? 'user'}`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  try {
    return await chromium.executablePath();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}

/**
 * The one pinned browser for every test: the Chromium that npm installs with
 * @sparticuz/chromium, so axe results do not change with the machine.
 * Launched with plain headless flags (not the package's Lambda flags, which
 * turn off web security) and no background networking.
 */
export async function launchBrowser(): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromiumPath(),
    headless: true,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--no-zygote',
      '--disable-gpu',
      '--use-gl=angle',
      '--use-angle=swiftshader',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--no-first-run',
      '--no-default-browser-check',
      '--font-render-hinting=none',
    ],
  });
}
