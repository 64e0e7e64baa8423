// Notifications, saved searches and emails, in Chromium. The orchard saves a search
// (« Me prévenir des nouvelles annonces ») and chooses to be emailed at once; the hospital
// posts a matching offer; the bell counts it and the notifications page lists it; the
// scheduled function emails it to the test SMTP server; the « Se désabonner » link of the
// email opens a page that unsubscribes on its button only (in a browser without
// JavaScript, not signed in); the preferences page then says « Jamais ». (Digest periods,
// « never », and the RFC 8058 one-click POST are covered by functions/digests.)
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TERRITORY } from '../../infra/db/demo-data';
import { check, keepFailure } from './support/browser';
import { browser, JOURNEY, newContext, product, useProductAndBrowser } from './support/journey';

useProductAndBrowser();

const SPACE = `/t/${DEMO_TERRITORY.slug}`;
const API = `/api/v1/territories/${DEMO_TERRITORY.slug}`;
const person = (key: (typeof DEMO_PEOPLE)[number]['key']) => DEMO_PEOPLE.find((p) => p.key === key)!;
const OFFER = 'Prêt d’un fourgon frigorifique pour les récoltes';

async function api(path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${product.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

describe('notifications, saved searches and one-click unsubscribe in Chromium', () => {
  const contexts: BrowserContext[] = [];
  let page: Page | undefined;
  afterAll(async () => {
    for (const c of contexts) await c.close();
  });

  it('saves a search, counts the new offer on the bell, emails it, and unsubscribes from the email link', async () => {
    try {
      const orchard = person('verger');
      const context = await newContext(browser, product.url, { javaScript: true });
      contexts.push(context);
      page = await context.newPage();
      await page.goto(`/connexion?retour=${encodeURIComponent(`${SPACE}/offres-et-besoins?type=offres&q=fourgon`)}`);
      await page.getByLabel('Adresse e-mail').fill(orchard.email);
      await page.getByLabel('Mot de passe', { exact: false }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL((url) => url.pathname.endsWith('/offres-et-besoins'));

      await page.getByRole('button', { name: 'Me prévenir des nouvelles annonces' }).click();
      await page.waitForURL((url) => url.pathname === `${SPACE}/recherches`);
      await page.getByText('Recherche enregistrée').waitFor();
      await page.locator('main').getByText('Offres · « fourgon »', { exact: true }).waitFor();
      await check(page, 'notifications-saved-searches');

      // At once rather than in the daily digest.
      await page.goto('/compte/notifications');
      await page.getByRole('group', { name: 'Nouvelles annonces de mes recherches' }).getByRole('radio', { name: 'Aussitôt' }).check();
      await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
      await page.getByText('Vos choix sont enregistrés.').waitFor();
      await check(page, 'notifications-preferences');

      const login = (await (await api('/api/v1/auth/login', { email: person('hopital').email, password: DEMO_PASSWORD })).json()) as { token: string };
      const categories = (await (await fetch(`${product.url}${API}/categories`)).json()) as { items: { slug: string; id: string }[] };
      const vehicles = categories.items.find((c) => c.slug === 'vehicules-mobilite')!.id;
      const posted = await api(`${API}/listings`, { kind: 'offer', categoryId: vehicles, title: OFFER, exchangeModes: ['pret'] }, login.token);
      expect(posted.status).toBe(201);

      await page.goto(`${SPACE}/offres-et-besoins`);
      const bell = page.getByTestId('notification-bell');
      expect(await bell.getAttribute('aria-label')).toMatch(/^Notifications — [1-9]\d* non lue/);
      await bell.click();
      await page.waitForURL((url) => url.pathname === `${SPACE}/notifications`);
      const alert = page.getByRole('link', { name: `Nouvelle offre pour votre recherche « Offres · « fourgon » » : ${OFFER}` });
      await alert.waitFor();
      await check(page, 'notifications-list');

      // The scheduled function, as the cron-connector calls it.
      expect((await fetch(`${product.url}/function/digests/`, { method: 'POST' })).status).toBe(200);
      const mail = await product.mailbox.waitFor(orchard.email, /Nouvelle offre pour votre recherche/);
      const link = /http:\/\/\S+\/desabonnement\?token=[a-z2-7]+/.exec(mail.text)?.[0];
      expect(link).toBeDefined();

      // Visited first with JavaScript for axe: a visit changes nothing.
      const look = await context.newPage();
      await look.goto(link!);
      await look.getByRole('button', { name: 'Me désabonner' }).waitFor();
      await check(look, 'notifications-unsubscribe');
      await look.close();
      const plain = await newContext(browser, product.url, { javaScript: false });
      contexts.push(plain);
      const unsubscribe = await plain.newPage();
      await unsubscribe.goto(link!);
      await unsubscribe.getByText('Nouvelles annonces de mes recherches').waitFor();
      await unsubscribe.getByRole('button', { name: 'Me désabonner' }).click();
      await unsubscribe.getByText('C’est fait : vous ne recevrez plus ces e-mails.'.replace('’', "'")).waitFor();

      await page.goto('/compte/notifications');
      const never = page.getByRole('group', { name: 'Nouvelles annonces de mes recherches' }).getByRole('radio', { name: 'Jamais' });
      expect(await never.isChecked()).toBe(true);

      await page.goto(`${SPACE}/notifications`);
      await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
      await page.getByText('Tout est lu.').waitFor();
      expect(await page.getByTestId('notification-bell').getAttribute('aria-label')).toBe('Notifications');
    } catch (err) {
      await keepFailure(page, 'notifications-journey');
      throw err;
    }
  }, JOURNEY);
});
