// Debian's chromium driven by playwright-core (browsers cannot be downloaded here). Every
// page a journey visits goes through `check`: axe-core (serious or critical violations
// fail the test) and screenshots at 360 px and 1280 px into tests/e2e/screenshots/.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export async function newContext(browser: Browser, baseURL: string, options: { javaScript?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: 1280, height: 900 },
    locale: 'fr-FR',
  });
  // A bound on waiting, not a performance assertion: CI machines have 2 shared cores.
  context.setDefaultTimeout(45_000);
  return context;
}

const WIDTHS = [360, 1280] as const;

/**
 * Checks the page as it is now: no serious or critical axe violation, and screenshots
 * named `<name>-360.png` / `<name>-1280.png`. axe runs in pages with JavaScript only
 * (it is a script); the pages without JavaScript are the same pages.
 */
export async function check(page: Page, name: string): Promise<void> {
  const javaScript = await page.evaluate(() => true).catch(() => false);
  if (javaScript) {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    expect(serious, `axe on ${name} (${page.url()})`).toEqual([]);
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    if (javaScript) {
      // Nothing wider than the screen: no sideways scrolling on a 360 px phone.
      const scrollWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect(scrollWidth, `${name} is wider than ${width} px`).toBeLessThanOrEqual(width);
    }
    await page.screenshot({ path: `${SCREENSHOTS}${name}-${width}.png`, fullPage: true, animations: 'disabled' });
  }
  await page.setViewportSize(viewport);
}

/** After a failed test: the page as it was, to see what went wrong (CI keeps the folder). */
export async function keepFailure(page: Page | undefined, name: string): Promise<void> {
  if (!page || page.isClosed()) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = `${SCREENSHOTS}failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)}.png`;
  await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
}
