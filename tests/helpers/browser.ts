import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';

/**
 * @sparticuz/chromium unpacks the browser to `<temp dir>/chromium` and reuses
 * whatever is there: on a machine where root ran the tests first, that file
 * is root's (mode 0700) and an ordinary user's launch fails with EACCES; and
 * a parallel test file may launch it while another is still writing it
 * (ETXTBSY). So each user gets a folder of their own, unpacked into a staging
 * folder and renamed into place whole; the first test file to finish wins.
 */
async function chromiumPath(): Promise<string> {
  const folder = join(tmpdir(), `trygghet-chromium-${process.getuid?.() ?? 'user'}`);
  const binary = join(folder, 'chromium');
  if (existsSync(binary)) return binary;
  const staging = mkdtempSync(`${folder}-unpacking-`);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    await chromium.executablePath();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
  try {
    renameSync(staging, folder);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another test file put its copy there first
  }
  return binary;
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
