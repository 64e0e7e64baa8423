// Transparent matching in a real browser: the jam producer opens her need for fruit and
// sees the orchard's offer suggested « très proche » with its reasons; she follows
// « Comment nous suggérons » to the rules; the facilitator finds « Besoins sans réponse »
// in the admin menu. axe-core and both widths on each page (check()).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LISTINGS, DEMO_TERRITORY } from '../../infra/db/demo-data';
import { check, keepFailure, launchBrowser } from './support/browser';
import { JOURNEY, newContext, signIn } from './support/journey';
import { type Product, startProduct } from './support/product';

const NEED = DEMO_LISTINGS.find((l) => l.title.startsWith('Cherche producteurs de fruits'))!;
const ORCHARD = DEMO_LISTINGS.find((l) => l.title.startsWith('Abricots et prunes'))!;

describe('transparent matching in Chromium', () => {
  let product: Product;
  let browser: Browser;
  // Starting the product (migrations, demo seed) takes more than a minute when the
  // machine's cores are shared with other suites: a bound, not an assertion.
  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await keepFailure(page, task.name);
    await context?.close();
  });

  it('shows the author a suggestion and its reasons, then how suggestions are made', async () => {
    context = await newContext(browser, product.url);
    page = await context.newPage();
    await signIn(page, 'marie.dupouy@demo.soliterr.fr');
    await page.goto(`/t/${DEMO_TERRITORY.slug}/offres-et-besoins`);
    await page.getByRole('link', { name: NEED.title }).first().click();
    await page.getByRole('heading', { level: 1, name: NEED.title }).waitFor();

    const section = page.getByRole('region', { name: 'Suggestions' });
    await section.getByText('Offres qui pourraient répondre à votre besoin').waitFor();
    const item = section.getByRole('listitem').filter({ has: page.getByRole('link', { name: ORCHARD.title }) });
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('très proche');
    expect(text).toMatch(/\d+ points sur 100/);
    expect(text).toContain('Pourquoi :');
    expect(text).toContain('même catégorie');
    expect(text).toMatch(/mots? communs? : .*(abricots|prunes)/);
    await check(page, 'matching-suggestions');

    await section.getByRole('link', { name: 'Comment nous suggérons' }).click();
    await page.waitForURL('**/comment-nous-suggerons');
    await page.getByRole('heading', { level: 1, name: 'Comment nous suggérons' }).waitFor();
    const rules = (await page.locator('main').textContent()) ?? '';
    expect(rules).toContain('35 points pour la même catégorie');
    expect(rules).toContain('Ni la popularité');
    await check(page, 'matching-explained');
  }, JOURNEY);

  it('lists the unanswered needs for the facilitator, from the admin menu', async () => {
    context = await newContext(browser, product.url);
    page = await context.newPage();
    await signIn(page, 'julien.abadie@demo.soliterr.fr');
    await page.goto(`/t/${DEMO_TERRITORY.slug}/admin`);
    await page.getByRole('navigation', { name: /administration/i }).getByRole('link', { name: 'Besoins sans réponse' }).click();
    await page.waitForURL('**/admin/besoins-sans-reponse');
    await page.getByRole('heading', { level: 1, name: 'Besoins sans réponse' }).waitFor();
    const main = (await page.locator('main').textContent()) ?? '';
    // The fruit need has a very close offer: it is not « sans réponse ».
    expect(main).not.toContain(NEED.title);
    await check(page, 'matching-unanswered');
  }, JOURNEY);
});
