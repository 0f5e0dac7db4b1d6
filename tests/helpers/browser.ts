import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';

/**
 * The one pinned browser for every test: the Chromium that npm installs with
 * @sparticuz/chromium, so axe results do not change with the machine.
 * Launched with plain headless flags (not the package's Lambda flags, which
 * turn off web security) and no background networking.
 */
export async function launchBrowser(): Promise<Browser> {
  return playwright.launch({
    executablePath: await chromium.executablePath(),
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
