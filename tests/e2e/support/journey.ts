// What every journey file shares: the product and one browser for the file (live
// bindings, set before its tests), patient browser contexts, and signing in on the site.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_PASSWORD } from '../../../infra/db/demo-data';
import { launchBrowser, newContext as openContext } from './browser';
import { type Product, startProduct } from './product';

/** A journey waits on sign-ins, emails and full page loads: more than the default 30 s under a busy CI. */
export const JOURNEY = 180_000;

export let product: Product;
export let browser: Browser;

/** Starts the product and the browser before the file's tests and stops them after. */
export function useProductAndBrowser(): void {
  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });
}

/** A browser context with more patience than the default: sign-ins hash passwords, and CI runs several suites at once. */
export async function newContext(...args: Parameters<typeof openContext>): Promise<BrowserContext> {
  const context = await openContext(...args);
  context.setDefaultTimeout(45_000);
  return context;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await submitSignIn(page, '/connexion', email, password, (url) => url.pathname === '/compte');
}

/**
 * Signs in through the form once the page is idle: text typed while the page still
 * hydrates can be reset by the hydration (seen on busy CI machines), and the form then
 * answers « champ obligatoire » instead of signing in. One more try in that case.
 */
export async function submitSignIn(page: Page, path: string, email: string, password: string, arrived: (url: URL) => boolean): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.goto(path, { waitUntil: 'networkidle' });
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: false }).fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    try {
      await page.waitForURL(arrived, { timeout: attempt === 1 ? 30_000 : 45_000 });
      return;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}
