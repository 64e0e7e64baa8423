// The member area of a territory, in Chromium: a member posts a need (after the API's
// validation messages), a neighbour finds it by search, filters and distance, the author
// edits it, a facilitator's edit made meanwhile is explained without losing the author's
// text, it is closed and reopened; my listings, my organisation; a visitor sees the public
// listings only; a newcomer asks to join with the charter accepted and lands on the
// waiting page. The core forms run twice: with JavaScript (use:enhance) and without.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LISTINGS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TERRITORY } from '../../infra/db/demo-data';
import { check, keepFailure, launchBrowser, newContext } from './support/browser';
import { type Product, startProduct } from './support/product';
import { submitSignIn } from './support/journey';

let product: Product;
let browser: Browser;
beforeAll(async () => {
  [product, browser] = await Promise.all([startProduct(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await product?.close();
});

const MODES = [
  { label: 'with JavaScript', javaScript: true, suffix: 'js' },
  { label: 'without JavaScript', javaScript: false, suffix: 'nojs' },
];
const SPACE = `/t/${DEMO_TERRITORY.slug}`;
const person = (key: (typeof DEMO_PEOPLE)[number]['key']) => DEMO_PEOPLE.find((p) => p.key === key)!;

async function signedIn(javaScript: boolean, email: string, to: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, product.url, { javaScript });
  const page = await context.newPage();
  await submitSignIn(page, `/connexion?retour=${encodeURIComponent(to)}`, email, DEMO_PASSWORD, (url) => url.pathname === to.split('?')[0]);
  return { context, page };
}

const main = (page: Page) => page.locator('main');
const status = (page: Page) => main(page).getByRole('status').first();

describe.each(MODES)('a member and their neighbours in Chromium, $label', ({ javaScript, suffix }) => {
  const title = `Une remorque pour le marché de Tarbes (${suffix})`;
  let author: { context: BrowserContext; page: Page };
  let neighbour: { context: BrowserContext; page: Page };
  let listingPath = '';
  const shot = (page: Page, name: string) => (javaScript ? check(page, `member-${name}`) : Promise.resolve());

  beforeAll(async () => {
    [author, neighbour] = await Promise.all([
      signedIn(javaScript, person('jardins').email, `${SPACE}/offres-et-besoins`),
      signedIn(javaScript, person('menuiserie').email, `${SPACE}/offres-et-besoins`),
    ]);
  });
  afterAll(async () => {
    await author?.context.close();
    await neighbour?.context.close();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await keepFailure(author?.page, `member-${task.name}-${suffix}`);
  });

  it('posts a need: the API’s messages appear beside the fields, then it is published', async () => {
    const { page } = author;
    await page.getByRole('link', { name: 'Exprimer un besoin' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Exprimer un besoin' }).waitFor();
    expect(await main(page).textContent()).toContain('Vous publiez au nom de Les Jardins partagés de Bagnères.');
    await shot(page, 'listing-new');

    await page.getByRole('textbox', { name: /^Titre/ }).fill('Re');
    await page.getByRole('combobox', { name: /^Ressource/ }).selectOption({ label: 'Véhicules et mobilité' });
    await page.getByRole('button', { name: 'Publier' }).click();
    const alert = main(page).getByRole('alert');
    await alert.getByText('Certains champs sont à corriger.').waitFor();
    expect(await page.getByText('Le titre doit compter au moins 3 caractères.').count()).toBeGreaterThan(0);
    expect(await page.getByText("Cochez au moins un mode d'échange.").count()).toBeGreaterThan(0);
    // What was typed stays, and the message is linked to its field.
    expect(await page.getByRole('textbox', { name: /^Titre/ }).inputValue()).toBe('Re');
    expect(await page.getByRole('textbox', { name: /^Titre/ }).getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'listing-new-errors');

    await page.getByRole('textbox', { name: /^Titre/ }).fill(title);
    await page.getByLabel('Description').fill('Un samedi matin par mois, pour porter les cagettes de légumes.');
    await page.getByRole('checkbox', { name: 'Prêt' }).check();
    await page.getByRole('checkbox', { name: 'Location' }).check();
    await page.getByLabel('Combien').fill('1');
    await page.getByLabel('Unité').fill('remorque');
    // The commune comes from the organisation; it places the listing for searches by distance.
    expect(await page.getByRole('combobox', { name: /^Commune/ }).inputValue()).toBe('Bagnères-de-Bigorre');
    await page.getByRole('button', { name: 'Publier' }).click();
    await page.waitForURL(/\/annonces\/[0-9a-f-]{36}\?fait=publiee$/);
    listingPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await status(page).textContent()).toContain("C'est publié");
    const facts = (await main(page).textContent()) ?? '';
    expect(facts).toContain('Prêt ou location');
    expect(facts).toContain('1 remorque');
    expect(facts).toContain('Publiée par Nadia Benali');
    await shot(page, 'listing-detail');
  });

  it('is found by a neighbour through keywords, kind, resource, exchange mode and distance, in an explicit order', async () => {
    const { page } = neighbour;
    await page.goto(`${SPACE}/offres-et-besoins`);
    await page.getByRole('heading', { level: 1, name: 'Offres et besoins' }).waitFor();
    await shot(page, 'listings');
    await page.getByLabel('Mots-clés').fill('remorque');
    await page.getByRole('radio', { name: 'Besoins' }).check();
    await page.getByRole('combobox', { name: 'Ressource' }).selectOption({ label: 'Véhicules et mobilité' });
    await page.getByRole('checkbox', { name: 'Prêt' }).check();
    await page.getByRole('combobox', { name: 'Autour de' }).selectOption('Tarbes');
    await page.getByRole('combobox', { name: 'Rayon' }).selectOption('50');
    await page.getByRole('radio', { name: 'Les plus proches' }).check();
    await page.getByRole('button', { name: 'Afficher les annonces' }).click();
    await page.waitForURL(/tri=proches/);
    await main(page).getByRole('link', { name: title }).waitFor();
    const text = (await main(page).textContent()) ?? '';
    // The order is said in words, and each card says how far it is.
    expect(text).toContain("Ordre : de la plus proche à la plus éloignée, à vol d'oiseau depuis Tarbes, dans un rayon de 50 km");
    expect(text).toMatch(/à \d+(,\d)? km/);
    // Only needs: the demo's offers of vehicles are not there.
    expect(text).not.toContain('Prêt de véhicules du parc hospitalier');
    await shot(page, 'listings-filtered');

    await page.getByRole('combobox', { name: 'Rayon' }).selectOption('5');
    await page.getByRole('button', { name: 'Afficher les annonces' }).click();
    await page.waitForURL(/rayon=5(&|$)/);
    await page.getByText('Aucun besoin ne correspond. Élargissez la distance ou exprimez votre propre besoin.').waitFor();
    expect(await page.getByRole('region', { name: 'Les besoins' }).getByRole('link', { name: 'Exprimer un besoin' }).count()).toBe(1);
    await shot(page, 'listings-empty');

    if (javaScript) {
      // With JavaScript, the device's position can be the point (Tarbes, here).
      await neighbour.context.grantPermissions(['geolocation']);
      await neighbour.context.setGeolocation({ latitude: 43.2328, longitude: 0.0781 });
      await page.getByRole('combobox', { name: 'Rayon' }).selectOption('50');
      await page.getByRole('button', { name: 'Autour de moi (position de votre appareil)' }).click();
      await page.waitForURL(/pres=43\.233%2C0\.078/);
      await main(page).getByRole('link', { name: title }).waitFor();
      expect(await main(page).textContent()).toContain("à vol d'oiseau depuis votre position, dans un rayon de 50 km");
    }

    await main(page).getByRole('link', { name: 'Effacer les filtres' }).first().click();
    await page.waitForURL((url) => url.pathname.endsWith('/offres-et-besoins') && url.search === '');
    await main(page).getByRole('link', { name: title }).click();
    await page.waitForURL(`**${listingPath}`);
    // A neighbour may read it, not change it.
    expect(await page.getByRole('link', { name: 'Modifier' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Elle a abouti' }).count()).toBe(0);
  });

  it('is edited by its author', async () => {
    const { page } = author;
    await page.goto(listingPath);
    await page.getByRole('link', { name: 'Modifier' }).click();
    await page.getByRole('heading', { level: 1, name: 'Modifier le besoin' }).waitFor();
    await shot(page, 'listing-edit');
    await page.getByLabel('Description').fill('Un samedi matin par mois, de mai à octobre, pour porter les cagettes.');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(`**${listingPath}?fait=modifiee`);
    expect(await status(page).textContent()).toContain('Vos modifications sont enregistrées.');
    expect(await main(page).textContent()).toContain('de mai à octobre');
  });

  it('explains an edit made meanwhile by someone else, keeps the author’s text, and saves it knowingly', async () => {
    const facilitator = await signedIn(javaScript, person('animateur').email, `${listingPath}/modifier`);
    try {
      const { page } = author;
      await page.goto(`${listingPath}/modifier`);
      await facilitator.page.getByRole('textbox', { name: /^Titre/ }).fill(`${title} — le samedi`);
      await facilitator.page.getByRole('button', { name: 'Enregistrer' }).click();
      await facilitator.page.waitForURL(`**${listingPath}?fait=modifiee`);

      const mine = 'Nous pouvons rendre la remorque le dimanche soir, nettoyée.';
      await page.getByLabel('Description').fill(mine);
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      const stale = page.getByRole('alert').filter({ hasText: "Quelqu'un a modifié cette annonce pendant que vous la modifiiez" });
      await stale.waitFor();
      // The current version is shown, what differs is pointed at, and nothing typed is lost.
      expect(await stale.textContent()).toContain(`${title} — le samedi`);
      expect(await stale.textContent()).toContain('version 3');
      expect(await stale.textContent()).toContain('différent de votre texte');
      expect(await page.getByLabel('Description').inputValue()).toBe(mine);
      await shot(page, 'listing-edit-conflict');

      await page.getByRole('button', { name: 'Enregistrer ma version' }).click();
      await page.waitForURL(`**${listingPath}?fait=modifiee`);
      expect(await main(page).textContent()).toContain(mine);
    } finally {
      await facilitator.context.close();
    }
  });

  it('is closed when it found a taker, leaves the open listings, and is reopened', async () => {
    const { page } = author;
    await page.goto(listingPath);
    await page.getByRole('button', { name: 'Elle a abouti' }).click();
    await page.waitForURL(`**${listingPath}?fait=aboutie`);
    expect(await status(page).textContent()).toContain("l'annonce a abouti");
    expect(await main(page).textContent()).toContain('Aboutie');
    await shot(page, 'listing-fulfilled');

    await neighbour.page.goto(`${SPACE}/offres-et-besoins?q=remorque`);
    await neighbour.page.getByRole('heading', { name: 'Toutes les annonces' }).waitFor();
    expect(await main(neighbour.page).getByRole('link', { name: title }).count()).toBe(0);
    await neighbour.page.goto(`${SPACE}/offres-et-besoins?q=remorque&statut=terminees`);
    await main(neighbour.page).getByRole('link', { name: title }).waitFor();

    await page.getByRole('button', { name: "Rouvrir l'annonce" }).click();
    await page.waitForURL(`**${listingPath}?fait=rouverte`);
    expect(await status(page).textContent()).toContain("L'annonce est de nouveau ouverte.");
  });

  it('lists my listings and lets me complete my organisation', async () => {
    const { page } = author;
    await page.goto(`${SPACE}/offres-et-besoins`);
    await page.getByRole('link', { name: 'Mes annonces' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mes annonces' }).waitFor();
    await main(page).getByRole('link', { name: title, exact: true }).waitFor();
    // Other people's listings are not mine.
    expect(await main(page).textContent()).not.toContain('Prêt de véhicules du parc hospitalier');
    await shot(page, 'my-listings');

    await page.getByRole('link', { name: 'Ma structure' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ma structure' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Les Jardins partagés de Bagnères' }).waitFor();
    await shot(page, 'my-organisation');
    await page.getByText('Modifier les informations').click();
    await page.getByLabel('Site web').fill('pas une adresse');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.getByText('Adresse web en http:// ou https://').first().waitFor();
    await page.getByLabel('Site web').fill(`jardins-partages-${suffix}.fr`);
    await page.getByLabel('Présentation').fill('Association de jardins partagés, de lien social et de vente au marché.');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await page.waitForURL('**/ma-structure?fait=modifiee');
    expect(await status(page).textContent()).toContain('Les informations de votre structure sont enregistrées.');
    expect(await main(page).getByRole('link', { name: `https://jardins-partages-${suffix}.fr` }).count()).toBe(1);
  });
});

describe('a visitor in the offers and needs, in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext(browser, product.url);
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  it('sees the public listings only, without the authors’ names, and is invited to join', async () => {
    await page.goto(`${SPACE}/annonces`);
    await page.waitForURL(`**${SPACE}/offres-et-besoins`);
    await page.getByRole('heading', { level: 1, name: 'Offres et besoins' }).waitFor();
    const text = (await main(page).textContent()) ?? '';
    for (const listing of DEMO_LISTINGS) {
      if (listing.visibility === 'public') expect(text, listing.title).toContain(listing.title);
      else expect(text, listing.title).not.toContain(listing.title);
    }
    expect(await page.getByRole('link', { name: 'Rejoindre le territoire' }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Exprimer un besoin' }).count()).toBe(0);
    await check(page, 'member-listings-visitor');

    await main(page).getByRole('link', { name: DEMO_LISTINGS[0].title }).click();
    await page.getByRole('heading', { level: 1, name: DEMO_LISTINGS[0].title }).waitFor();
    const detail = (await main(page).textContent()) ?? '';
    expect(detail).toContain('Les membres du territoire voient qui a publié cette annonce.');
    expect(detail).not.toContain('Claire Laborde');
    await check(page, 'member-listing-visitor');
  });

  it('is sent to sign in for the members’ pages', async () => {
    await page.goto(`${SPACE}/annonces/nouvelle?type=besoin`);
    await page.waitForURL('**/connexion?retour=*');
    expect(new URL(page.url()).searchParams.get('retour')).toBe(`${SPACE}/annonces/nouvelle?type=besoin`);
  });
});

describe.each(MODES)('a newcomer asks to join in Chromium, $label', ({ javaScript, suffix }) => {
  const email = `lea.${suffix}@exemple.fr`;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const response = await fetch(`${product.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD, name: `Léa Fontan (${suffix})` }),
    });
    expect(response.status).toBe(201);
    ({ context, page } = await signedIn(javaScript, email, `${SPACE}/rejoindre`));
  });
  afterAll(() => context?.close());

  it('reads the charter, accepts it explicitly, introduces herself and waits, knowing what happens next', async () => {
    await page.getByRole('heading', { level: 1, name: `Rejoindre ${DEMO_TERRITORY.name}` }).waitFor();
    expect(await page.getByRole('region', { name: 'La charte du territoire' }).textContent()).toContain('pas de compte anonyme');
    if (javaScript) {
      await check(page, 'member-join');
      // The box is required by the browser; the server refuses too, should it be bypassed.
      await page.locator('main form').evaluate((form) => form.setAttribute('novalidate', ''));
      await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
      await page.getByRole('alert').getByText('Pour rejoindre le territoire, cochez la case qui accepte sa charte.').first().waitFor();
    }
    const message = 'Je lance une épicerie solidaire à Pouzac et je cherche du matériel de froid.';
    await page.getByLabel('Votre message aux animateurs').fill(message);
    await page.getByRole('checkbox', { name: "J'ai lu la charte du territoire et je m'engage à la respecter." }).check();
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await page.waitForURL(`**${SPACE}/en-attente?envoyee=1`);
    await page.getByRole('heading', { level: 1, name: 'Merci, votre demande est envoyée !' }).waitFor();
    const text = (await main(page).textContent()) ?? '';
    expect(text).toContain('Un animateur examine votre demande');
    expect(text).toContain('Vous recevez leur réponse par e-mail');
    expect(text).toContain(message);
    // The facilitators were told.
    await product.mailbox.waitFor(person('animateur').email, /Fontan/);
    if (javaScript) await check(page, 'member-pending');

    // Until a facilitator decides, the members' pages lead back here.
    await page.goto(`${SPACE}/annonces/nouvelle?type=offre`);
    await page.waitForURL(`**${SPACE}/en-attente`);
    await page.getByRole('heading', { level: 1, name: 'Votre demande est en attente' }).waitFor();
    await page.goto(`${SPACE}/rejoindre`);
    await page.waitForURL(`**${SPACE}/en-attente`);
  });
});

/** 23 offers of pallets, through the API as a member would publish them (members only). */
let pallets: Promise<void> | undefined;
function publishPallets(): Promise<void> {
  pallets ??= (async () => {
    const login = await fetch(`${product.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: person('menuiserie').email, password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const categories = (await (await fetch(`${product.url}/api/v1/territories/${DEMO_TERRITORY.slug}/categories`)).json()) as { items: { id: string }[] };
    for (let i = 1; i <= 23; i++) {
      const response = await fetch(`${product.url}/api/v1/territories/${DEMO_TERRITORY.slug}/listings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ kind: 'offer', categoryId: categories.items[0].id, title: `Lot de palettes numéro ${i}`, exchangeModes: ['don'] }),
      });
      expect(response.status).toBe(201);
    }
  })();
  return pallets;
}

describe.each(MODES)('a long list of offers in Chromium, $label', ({ javaScript }) => {
  let member: { context: BrowserContext; page: Page };
  beforeAll(async () => {
    await publishPallets();
    member = await signedIn(javaScript, person('verger').email, `${SPACE}/offres-et-besoins?q=palettes`);
  });
  afterAll(() => member?.context.close());

  it('shows 20 at a time, newest first, and « Voir plus » brings the rest', async () => {
    const { page } = member;
    const cards = page.getByRole('region', { name: 'Toutes les annonces' }).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
    await page.getByRole('link', { name: 'Lot de palettes numéro 23' }).waitFor();
    expect(await cards.count()).toBe(20);
    expect(await status(page).textContent()).toContain("20 annonces affichées (il y en a d'autres)");
    await page.getByRole('link', { name: 'Voir plus' }).click();
    await page.waitForURL(/apres=/);
    if (javaScript) {
      // Added below the first twenty, and the keyboard lands on the first new one.
      await expect.poll(() => cards.count()).toBe(23);
      expect(await page.locator(':focus').textContent()).toBe('Lot de palettes numéro 3');
      await check(page, 'member-listings-more');
      expect(await page.getByRole('link', { name: 'Voir plus' }).count()).toBe(0);
    } else {
      // Without JavaScript, the next page, and a way back to the start.
      await page.getByRole('link', { name: 'Lot de palettes numéro 1', exact: true }).waitFor();
      expect(await cards.count()).toBe(3);
      expect(await page.getByRole('link', { name: 'Voir plus' }).count()).toBe(0);
      await page.getByRole('link', { name: 'Revenir au début de la liste' }).click();
      await page.getByRole('link', { name: 'Lot de palettes numéro 23' }).waitFor();
    }
  });
});

describe.each(MODES)('a member who represents no organisation yet, in Chromium, $label', ({ javaScript, suffix }) => {
  const email = `hugo.${suffix}@exemple.fr`;
  let member: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    // Signed up, asked to join and approved by the admin, all through the API.
    const call = async (path: string, body: unknown, token?: string) => {
      const response = await fetch(`${product.url}/api/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, string> };
    };
    expect((await call('/auth/register', { email, password: DEMO_PASSWORD, name: `Hugo Laffont (${suffix})` })).status).toBe(201);
    const hugo = await call('/auth/login', { email, password: DEMO_PASSWORD });
    const joined = await call(`/territories/${DEMO_TERRITORY.slug}/memberships`, { acceptCharter: true }, hugo.body.token);
    const admin = await call('/auth/login', { email: person('admin').email, password: DEMO_PASSWORD });
    expect((await call(`/territories/${DEMO_TERRITORY.slug}/memberships/${joined.body.id}/approve`, {}, admin.body.token)).status).toBe(200);
    member = await signedIn(javaScript, email, `${SPACE}/ma-structure`);
  });
  afterAll(() => member?.context.close());

  it('registers it (a wrong SIRET explained first), then publishes on its behalf', async () => {
    const { page } = member;
    await page.getByRole('heading', { level: 2, name: 'Inscrire ma structure' }).waitFor();
    if (javaScript) await check(page, 'member-organisation-new');
    await page.getByLabel('Type de structure').selectOption({ label: 'Exploitation agricole' });
    await page.getByRole('textbox', { name: /^Nom/ }).fill(`Ferme Laffont (${suffix})`);
    await page.getByLabel('SIRET').fill('123 456 789 00010');
    await page.getByLabel('Code postal').fill('65200');
    await page.getByRole('combobox', { name: 'Commune' }).fill('Pouzac');
    await page.getByRole('button', { name: 'Inscrire ma structure' }).click();
    await page.getByText('SIRET invalide (clé de contrôle).').first().waitFor();
    expect(await page.getByRole('textbox', { name: /^Nom/ }).inputValue()).toBe(`Ferme Laffont (${suffix})`);
    await page.getByLabel('SIRET').fill('');
    await page.getByRole('button', { name: 'Inscrire ma structure' }).click();
    await page.waitForURL('**/ma-structure?fait=creee');
    expect(await status(page).textContent()).toContain('Votre structure est inscrite');
    await page.getByRole('heading', { level: 2, name: `Ferme Laffont (${suffix})` }).waitFor();

    await page.getByRole('link', { name: 'Proposer une offre' }).first().click();
    await page.getByText(`Vous publiez au nom de Ferme Laffont (${suffix}).`).waitFor();
    // Its commune, already known in the territory, is the listing's starting point.
    expect(await page.getByRole('combobox', { name: /^Commune/ }).inputValue()).toBe('Pouzac');
  });
});
