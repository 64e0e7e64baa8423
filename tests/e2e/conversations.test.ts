// Responses and conversations, in Chromium: a fruit grower answers a need of the jam
// producer (« Je peux aider »), the producer sees the unread badge, opens the conversation
// (the badge goes), answers; the listing is now « En cours » and the grower reads the
// reply. Without JavaScript, the hospital offers its minibus for the shared gardens' need and the
// gardens reply: the two core forms are plain POSTs.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TERRITORY } from '../../infra/db/demo-data';
import { check, keepFailure, launchBrowser, newContext } from './support/browser';
import { type Product, startProduct } from './support/product';
import { submitSignIn } from './support/journey';

let product: Product;
let browser: Browser;
beforeAll(async () => {
  [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
}, 180_000); // migrating and seeding a fresh database: slow when the shared cores are busy
afterAll(async () => {
  await browser?.close();
  await product?.close();
});

const SPACE = `/t/${DEMO_TERRITORY.slug}`;
const person = (key: (typeof DEMO_PEOPLE)[number]['key']) => DEMO_PEOPLE.find((p) => p.key === key)!;
const main = (page: Page) => page.locator('main');
const badge = (page: Page) => page.getByTestId('unread-badge');
/** The number on the member navigation's badge (0 without one); the demo may have unread messages of its own. */
const unreadOf = async (page: Page) => ((await badge(page).count()) ? Number((await badge(page).innerText()).match(/\d+/)?.[0]) : 0);

async function signedIn(javaScript: boolean, key: Parameters<typeof person>[0], to: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, product.url, { javaScript });
  const page = await context.newPage();
  await submitSignIn(page, `/connexion?retour=${encodeURIComponent(to)}`, person(key).email, DEMO_PASSWORD, (url) => url.pathname === to);
  return { context, page };
}

/**
 * A fresh need of `key`, posted through the API: the journeys do not depend on which demo
 * listings other journeys (or the demo's own conversations) have already answered.
 */
async function publishNeed(key: Parameters<typeof person>[0], title: string, category: string): Promise<string> {
  const call = async (path: string, init: { method?: string; token?: string; body?: unknown } = {}) => {
    const res = await fetch(`${product.url}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    // The API's JSON, read loosely as in tests/support/harness.ts.
    return (await res.json()) as any;
  };
  const { token } = await call('/auth/login', { method: 'POST', body: { email: person(key).email, password: DEMO_PASSWORD } });
  const categories = await call(`/territories/${DEMO_TERRITORY.slug}/categories`, { token });
  const categoryId = categories.items.find((c: { slug: string }) => c.slug === category).id;
  const listing = await call(`/territories/${DEMO_TERRITORY.slug}/listings`, {
    method: 'POST',
    token,
    body: { kind: 'need', title, categoryId, exchangeModes: ['pret', 'don'], description: 'Pour un projet du réseau.' },
  });
  return listing.id;
}

/** From the offers and needs to a listing, by its title. */
async function openListing(page: Page, title: string): Promise<void> {
  await page.goto(`${SPACE}/offres-et-besoins?q=${encodeURIComponent(title)}`);
  await main(page).getByRole('link', { name: title }).first().click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

describe('responses and conversations in Chromium', () => {
  const opened: BrowserContext[] = [];
  let current: Page | undefined;
  afterAll(async () => {
    for (const c of opened) await c.close();
  });

  it('a grower answers a need, the author sees the unread badge, reads and replies; the listing is in progress', async () => {
    try {
      // One after the other: two password hashes at once on two shared cores are slow.
      const grower = await signedIn(true, 'verger', `${SPACE}/offres-et-besoins`);
      const producer = await signedIn(true, 'confitures', `${SPACE}/offres-et-besoins`);
      opened.push(grower.context, producer.context);
      const need = 'Cageots de fruits pour la saison des confitures';
      await publishNeed('confitures', need, 'matieres-approvisionnement');

      current = grower.page;
      await openListing(grower.page, need);
      await grower.page.getByRole('heading', { name: 'Vous pouvez aider ?' }).waitFor();
      await grower.page.getByRole('textbox', { name: /^Votre message/ }).fill('Bonjour, nous avons 40 cageots en bois à prêter en juillet.');
      await check(grower.page, 'conversations-respond');
      await grower.page.getByRole('button', { name: 'Je peux aider' }).click();
      await grower.page.waitForURL(/\/conversations\/[0-9a-f-]{36}\?fait=ouverte$/);
      await main(grower.page).getByRole('status').getByText('Conversation ouverte').waitFor();
      expect(await main(grower.page).getByRole('heading', { level: 1 }).textContent()).toContain('Marie Dupouy (Confitures du Pic)');
      await check(grower.page, 'conversations-thread');

      current = producer.page;
      await producer.page.reload();
      await producer.page.getByRole('link', { name: /^Conversations/ }).click();
      await producer.page.getByRole('heading', { level: 1, name: 'Mes conversations' }).waitFor();
      const unread = await unreadOf(producer.page);
      expect(unread).toBeGreaterThanOrEqual(1);
      const item = main(producer.page).getByRole('article').filter({ hasText: need });
      await item.getByText(/Non lus : 1/).waitFor();
      await check(producer.page, 'conversations-list');
      await item.getByRole('link', { name: /Avec Pierre Lassalle/ }).click();
      await main(producer.page).getByText('Bonjour, nous avons 40 cageots en bois à prêter en juillet.').waitFor();
      // The count is read again once the conversation is marked read: wait for it, within a bound.
      await expect.poll(() => unreadOf(producer.page), { timeout: 15_000 }).toBe(unread - 1);
      await producer.page.getByRole('textbox', { name: /^Votre réponse/ }).fill('Parfait ! Pouvez-vous livrer à Bagnères ?');
      await producer.page.getByRole('button', { name: 'Envoyer' }).click();
      await main(producer.page).getByRole('status').getByText('Message envoyé').waitFor();
      await main(producer.page).getByText('Parfait ! Pouvez-vous livrer à Bagnères ?').waitFor();

      current = grower.page;
      await openListing(grower.page, need);
      await main(grower.page).getByText('Mise en relation en cours').first().waitFor();
      expect(await unreadOf(grower.page)).toBeGreaterThanOrEqual(1);
      await grower.page.getByRole('link', { name: 'Voir la conversation' }).click();
      await main(grower.page).getByText('Parfait ! Pouvez-vous livrer à Bagnères ?').waitFor();
    } catch (err) {
      await keepFailure(current, 'conversations-js');
      throw err;
    }
  }, 90_000);

  it('responds and replies without JavaScript; a member with no conversation is told what to do', async () => {
    try {
      const hospital = await signedIn(false, 'hopital', `${SPACE}/offres-et-besoins`);
      const gardens = await signedIn(false, 'jardins', `${SPACE}/offres-et-besoins`);
      opened.push(hospital.context, gardens.context);
      const need = 'Un minibus pour la fête des jardins';
      const needId = await publishNeed('jardins', need, 'vehicules-mobilite');

      current = hospital.page;
      await hospital.page.goto(`${SPACE}/annonces/${needId}`);
      await hospital.page.getByRole('textbox', { name: /^Votre message/ }).fill('Notre minibus 9 places est libre le samedi matin.');
      await hospital.page.getByRole('button', { name: 'Je peux aider' }).click();
      await hospital.page.waitForURL(/\/conversations\/[0-9a-f-]{36}\?fait=ouverte$/);
      const thread = new URL(hospital.page.url()).pathname;

      current = gardens.page;
      await gardens.page.goto(`${SPACE}/conversations`);
      await main(gardens.page).getByRole('article').filter({ hasText: need }).getByRole('link', { name: /Avec Claire Laborde/ }).click();
      await gardens.page.waitForURL(`**${thread}`);
      await gardens.page.getByRole('textbox', { name: /^Votre réponse/ }).fill('Merci ! Passez au jardin samedi.');
      await gardens.page.getByRole('button', { name: 'Envoyer' }).click();
      await gardens.page.waitForURL((url) => url.pathname === thread && url.search === '?fait=envoye');
      await main(gardens.page).getByText('Merci ! Passez au jardin samedi.').waitFor();

      const facilitator = await signedIn(true, 'animateur', `${SPACE}/conversations`);
      opened.push(facilitator.context);
      current = facilitator.page;
      await main(facilitator.page).getByText('Aucune conversation pour l’instant').waitFor();
      await check(facilitator.page, 'conversations-empty');
    } catch (err) {
      await keepFailure(current, 'conversations-nojs');
      throw err;
    }
  }, 90_000);
});
