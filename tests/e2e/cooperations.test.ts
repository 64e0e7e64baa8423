// Recorded cooperations, in Chromium. With JavaScript: the joinery answered the
// hospital's vehicle offer; the hospital records the loan from its listing (a field
// message first), the joinery finds it « À vous de confirmer » and confirms it; the
// listing is fulfilled and the territory's figures count it, for a visitor too, without a
// name. Without JavaScript: the joinery records its skills sponsorship with the jam
// producer beside their conversation, and the producer confirms it; the figures add its
// hours. (Disputes and corrections are covered by the API suite, functions/cooperations.)
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_COOPERATION, DEMO_LISTINGS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TERRITORY } from '../../infra/db/demo-data';
import { check, keepFailure } from './support/browser';
import { browser, JOURNEY, newContext, product, submitSignIn, useProductAndBrowser } from './support/journey';

useProductAndBrowser();

const SPACE = `/t/${DEMO_TERRITORY.slug}`;
const API = `/api/v1/territories/${DEMO_TERRITORY.slug}`;
type Key = (typeof DEMO_PEOPLE)[number]['key'];
const person = (key: Key) => DEMO_PEOPLE.find((p) => p.key === key)!;
const title = (author: Key, kind: 'offer' | 'need') => DEMO_LISTINGS.find((l) => l.author === author && l.kind === kind && l.visibility === 'public')!.title;
const main = (page: Page) => page.locator('main');
/** The demo's confirmed cooperations count in the figures before ours. */
const demo = DEMO_COOPERATION.cooperations.filter((c) => c.status === 'confirmed');
const demoSum = (f: 'kmAvoided' | 'skillHours') => demo.reduce((sum, c) => sum + Number(c[f] ?? 0), 0);
const french = (n: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(n).replace(/\s/g, '\\s');

/** The response that opens a conversation, straight through the API (the conversations journey tests the page). */
async function respond(key: Key, listingTitle: string): Promise<string> {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${product.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const login = (await (await post('/api/v1/auth/login', { email: person(key).email, password: DEMO_PASSWORD })).json()) as { token: string };
  const list = (await (await fetch(`${product.url}${API}/listings?limit=100`, { headers: { authorization: `Bearer ${login.token}` } })).json()) as { items: { id: string; title: string }[] };
  const listing = list.items.find((l) => l.title === listingTitle)!;
  const res = await post(`${API}/listings/${listing.id}/responses`, { body: 'Bonjour, cela nous intéresse beaucoup.' }, login.token);
  expect(res.status).toBeLessThan(300);
  return ((await res.json()) as { id: string }).id;
}

async function signedIn(javaScript: boolean, key: Key, to: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, product.url, { javaScript });
  const page = await context.newPage();
  await submitSignIn(page, `/connexion?retour=${encodeURIComponent(to)}`, person(key).email, DEMO_PASSWORD, (url) => url.pathname === to);
  return { context, page };
}

async function openListing(page: Page, listingTitle: string): Promise<void> {
  await page.goto(`${SPACE}/offres-et-besoins`);
  await main(page).getByRole('link', { name: listingTitle }).first().click();
  await page.getByRole('heading', { level: 1, name: listingTitle }).waitFor();
}

/** The partner's list shows it « À vous de confirmer »; opens it. */
async function openToConfirm(page: Page, summary: string): Promise<void> {
  await page.goto(`${SPACE}/cooperations`);
  const card = main(page).getByRole('listitem').filter({ hasText: summary });
  await card.getByText('À vous de confirmer').waitFor();
  await card.getByRole('link', { name: summary }).click();
  await page.getByRole('heading', { level: 1, name: /Coopération/ }).waitFor();
}

describe('recorded cooperations in Chromium', () => {
  const opened: BrowserContext[] = [];
  let current: Page | undefined;
  afterAll(async () => {
    for (const c of opened) await c.close();
  });

  it('the hospital records a loan from its listing, the joinery confirms it, the figures count it', async () => {
    try {
      const fleet = title('hopital', 'offer');
      await respond('menuiserie', fleet);
      const hospital = await signedIn(true, 'hopital', `${SPACE}/offres-et-besoins`);
      const partner = await signedIn(true, 'menuiserie', `${SPACE}/cooperations`);
      opened.push(hospital.context, partner.context);

      current = hospital.page;
      await openListing(hospital.page, fleet);
      await main(hospital.page).getByRole('link', { name: 'Enregistrer une coopération' }).click();
      await hospital.page.getByRole('heading', { level: 1, name: 'Enregistrer une coopération' }).waitFor();
      // Everyone who responded may be a partner: the demo's shared gardens and the joinery.
      await hospital.page.getByRole('checkbox', { name: /Nadia Benali/ }).waitFor();
      await hospital.page.getByRole('checkbox', { name: /Thomas Cazaux/ }).check();
      await hospital.page.getByLabel('Kilomètres évités').fill('douze');
      await hospital.page.getByRole('button', { name: 'Enregistrer et demander confirmation' }).click();
      await main(hospital.page).getByRole('alert').getByText('Indiquez un nombre, par exemple 12 ou 12,5.').waitFor();
      expect(await hospital.page.getByLabel('Kilomètres évités').getAttribute('aria-invalid')).toBe('true');
      await check(hospital.page, 'cooperations-record');
      const summary = 'Prêt d’un fourgon pour livrer les bacs de jardin';
      await hospital.page.getByLabel('Ce qui a été échangé', { exact: false }).fill(summary);
      await hospital.page.getByLabel('Kilomètres évités').fill('42,5');
      await hospital.page.getByRole('button', { name: 'Enregistrer et demander confirmation' }).click();
      await hospital.page.waitForURL(/\/cooperations\/[0-9a-f-]{36}\?fait=enregistree$/);
      await main(hospital.page).getByRole('status').getByText('Coopération enregistrée').waitFor();
      await main(hospital.page).getByText('En attente de confirmation').first().waitFor();

      current = partner.page;
      await openToConfirm(partner.page, summary);
      await check(partner.page, 'cooperations-to-confirm');
      await partner.page.getByLabel('Un mot pour votre partenaire', { exact: false }).fill('Merci pour le fourgon !');
      await partner.page.getByRole('button', { name: 'Je confirme' }).click();
      await main(partner.page).getByRole('status').getByText('votre confirmation est enregistrée').waitFor();
      await main(partner.page).getByText('Confirmée', { exact: true }).first().waitFor();
      await main(partner.page).getByText('Merci pour le fourgon !').waitFor();
      await main(partner.page).getByRole('link', { name: fleet }).click();
      await partner.page.getByRole('heading', { level: 1, name: fleet }).waitFor();
      await main(partner.page).getByText('Aboutie').first().waitFor();

      const visitor = await newContext(browser, product.url, { javaScript: true });
      opened.push(visitor);
      const page = await visitor.newPage();
      current = page;
      await page.goto(`${SPACE}/chiffres`);
      await page.getByRole('heading', { level: 1, name: 'Chiffres du territoire' }).waitFor();
      const cards = main(page).getByRole('listitem').filter({ hasText: 'coopérations confirmées' });
      expect(await cards.innerText()).toMatch(new RegExp(`^${demo.length + 1}\\s+coopérations confirmées`));
      await main(page).getByText(new RegExp(`${french(demoSum('kmAvoided') + 42.5)}\\s+kilomètres évités`)).waitFor();
      expect(await main(page).innerText()).not.toMatch(/Thomas|Cazaux|Laborde/);
      await check(page, 'cooperations-figures');
    } catch (err) {
      await keepFailure(current, 'cooperations-js');
      throw err;
    }
  }, JOURNEY);

  it('records and confirms without JavaScript', async () => {
    try {
      const sponsorship = title('menuiserie', 'offer');
      const conversation = await respond('confitures', sponsorship);
      const [joinery, jams] = await Promise.all([
        signedIn(false, 'menuiserie', `${SPACE}/offres-et-besoins`),
        signedIn(false, 'confitures', `${SPACE}/cooperations`),
      ]);
      opened.push(joinery.context, jams.context);

      current = joinery.page;
      // Beside the conversation, the listing's side records it with the person who responded.
      await joinery.page.goto(`${SPACE}/conversations/${conversation}`);
      await main(joinery.page).getByRole('heading', { name: 'Enregistrer une coopération' }).waitFor();
      const summary = 'Trois jours de menuiserie pour l’atelier de confitures';
      await joinery.page.getByLabel('Ce qui a été échangé', { exact: false }).fill(summary);
      await joinery.page.getByLabel('Quantité').fill('3');
      await joinery.page.getByLabel('Unité').fill('jours');
      await main(joinery.page).getByText('Impact (facultatif)').click(); // folded beside a conversation
      await joinery.page.getByLabel('Heures de mécénat de compétences').fill('21');
      await joinery.page.getByRole('button', { name: 'Enregistrer et demander confirmation' }).click();
      await joinery.page.waitForURL(/\?fait=enregistree$/);
      const coopPath = new URL(joinery.page.url()).pathname;

      current = jams.page;
      await openToConfirm(jams.page, summary);
      await jams.page.getByRole('button', { name: 'Je confirme' }).click();
      await jams.page.waitForURL(`**${coopPath}?fait=confirmee`);
      await main(jams.page).getByText('Confirmée', { exact: true }).first().waitFor();
      expect(await jams.page.getByRole('button', { name: 'Je confirme' }).count()).toBe(0);
      await jams.page.goto(`${SPACE}/chiffres`);
      await main(jams.page).getByText(new RegExp(`${french(demoSum('skillHours') + 21)}\\s+heures de mécénat de compétences`)).waitFor();
    } catch (err) {
      await keepFailure(current, 'cooperations-nojs');
      throw err;
    }
  }, JOURNEY);
});
