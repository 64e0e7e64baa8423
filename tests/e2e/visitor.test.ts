import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LISTINGS, DEMO_TERRITORY } from '../../infra/db/demo-data';
import { check, keepFailure, launchBrowser, newContext } from './support/browser';
import { type Product, startProduct } from './support/product';

describe('a visitor in Chromium', () => {
  let product: Product;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
    context = await newContext(browser, product.url);
    page = await context.newPage();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await keepFailure(page, task.name);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  it('reads what SoliTERR is, its values and who hosts it, on the home page', async () => {
    await page.goto('/');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('un voisin');
    expect(await page.getByRole('heading', { name: 'Nos valeurs sont des fonctionnalités' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Créer votre territoire' }).first().isVisible()).toBe(true);
    const footer = (await page.locator('footer').textContent()) ?? '';
    expect(footer).toContain('Communauté de communes de démonstration');
    expect(footer).toContain('Tarbes (Hautes-Pyrénées), France');
    await check(page, 'home');
  });

  it('finds the demo territory in the directory, and says so when nothing matches', async () => {
    await page.goto('/');
    await page.getByLabel('Chercher un territoire').fill('zzz introuvable');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await page.getByText('Aucun territoire ne correspond à « zzz introuvable ».').waitFor();
    await check(page, 'directory-empty');

    await page.getByLabel('Chercher un territoire').fill('Bigorre');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await page.getByRole('link', { name: DEMO_TERRITORY.name }).click();
    await page.waitForURL(`**/t/${DEMO_TERRITORY.slug}`);
  });

  it('sees the public offers and needs of the demo territory and its charter, never the members-only ones', async () => {
    await page.goto(`/t/${DEMO_TERRITORY.slug}`);
    await page.getByRole('heading', { level: 1, name: DEMO_TERRITORY.name }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    for (const listing of DEMO_LISTINGS) {
      if (listing.visibility === 'public') expect(text, listing.title).toContain(listing.title);
      else expect(text, listing.title).not.toContain(listing.title);
    }
    expect(await page.getByRole('heading', { name: 'La charte du territoire' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Rejoindre le territoire' }).count()).toBe(1);
    await check(page, 'territory');
  });

  it('gets a page that says what to do next for an unknown address', async () => {
    const response = await page.goto('/t/territoire-inconnu');
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: "Cette page n'existe pas" }).waitFor();
    expect(await page.getByRole('link', { name: "Revenir à l'accueil" }).count()).toBe(1);
    await check(page, 'not-found');
  });

  it('switches to English and back, on any page, and the choice sticks', async () => {
    await page.goto(`/t/${DEMO_TERRITORY.slug}`);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`**/t/${DEMO_TERRITORY.slug}`);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('heading', { name: 'Public offers and needs' }).waitFor();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await check(page, 'login-en');
    await page.getByRole('link', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Se connecter' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
  });
});
