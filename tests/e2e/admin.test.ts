// A territory's founder, its facilitators and admins, in Chromium: create a territory
// (lands on the first-steps checklist), adapt its settings and categories, take a
// newcomer through the join queue, invite someone who accepts, see it all in the log.
// The core forms run twice: with JavaScript (use:enhance) and without (plain posts).
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TERRITORY } from '../../infra/db/demo-data';
import { check } from './support/browser';
import { browser, JOURNEY, newContext, product, signIn, useProductAndBrowser } from './support/journey';

useProductAndBrowser();

const MODES = [
  { label: 'with JavaScript', javaScript: true, suffix: 'js' },
  { label: 'without JavaScript', javaScript: false, suffix: 'nojs' },
];
const PASSWORD = 'une phrase de passe solide';
/** The smallest real PNG (1 × 1 pixel). */
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/**
 * Registers on the sign-up page the current page links to, comes back to where it was
 * going (the "continue" button of the "check your mailbox" page), then confirms the
 * address from the email and returns there again.
 */
async function registerAndVerify(page: Page, name: string, email: string, backTo: string) {
  await page.getByLabel('Votre nom').fill(name);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: false }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.getByRole('heading', { name: 'Vérifiez votre boîte mail' }).waitFor();
  await page.getByRole('link', { name: 'Continuer' }).click();
  await page.waitForURL((url) => url.pathname + url.search === backTo);
  const link = product.mailbox.linkIn(await product.mailbox.waitFor(email, /confirmez/));
  await page.goto(link.pathname + link.search);
  await page.getByRole('button', { name: 'Confirmer mon adresse' }).click();
  await page.getByRole('heading', { name: 'Merci, votre adresse est confirmée' }).waitFor();
  await page.goto(backTo);
}

const stepState = (page: Page, title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) }).locator('.badge');

describe.each(MODES)('a territory founder and its facilitators in Chromium, $label', ({ javaScript, suffix }) => {
  let founder: BrowserContext;
  let page: Page;
  const slug = `val-d-adour-${suffix}`;
  const name = `Val d'Adour ${suffix}`;
  const founderEmail = `fondatrice-${suffix}@exemple.fr`;
  const newcomerEmail = `nouveau-${suffix}@exemple.fr`;
  const inviteeEmail = `invitee-${suffix}@exemple.fr`;
  const shot = (pageName: string, on: Page = page) => (javaScript ? check(on, pageName) : Promise.resolve());

  beforeAll(async () => {
    founder = await newContext(browser, product.url, { javaScript });
    page = await founder.newPage();
  });
  afterAll(() => founder?.close());

  it('creates a territory from the guided form and lands on the first-steps checklist', async () => {
    await page.goto('/creer-un-territoire');
    await page.getByRole('heading', { level: 1, name: 'Créer votre territoire' }).waitFor();
    expect(await page.getByLabel('Texte de la charte').inputValue()).toContain('pas de compte anonyme');
    await shot('create-territory');
    await page.getByLabel('Nom du territoire').fill(`${name}`);
    if (javaScript) {
      // The address follows the name until one is typed.
      await expect.poll(() => page.getByLabel('Adresse du territoire').inputValue()).toBe(slug);
    } else {
      await page.getByLabel('Adresse du territoire').fill(slug);
    }
    await page.getByLabel('Département').selectOption({ label: '65 — Hautes-Pyrénées' });
    await page.getByLabel('Commune au centre du territoire', { exact: false }).fill('Commune imaginaire');
    await page.getByLabel('Sur validation').check();
    await page.getByLabel('Public', { exact: true }).check();
    await page.getByLabel('Votre nom').fill('Sylvie Fondatrice');
    await page.getByLabel('Adresse e-mail').fill(founderEmail);
    await page.getByLabel('Mot de passe', { exact: false }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Créer le territoire' }).click();
    // An unknown commune is explained beside its field, and nothing typed is lost.
    await page.getByRole('alert').getByText('Vérifiez les champs signalés.').waitFor();
    await page.getByText('Nous ne trouvons aucune commune de ce nom', { exact: false }).first().waitFor();
    expect(await page.getByLabel('Nom du territoire').inputValue()).toBe(name);
    await page.getByLabel('Commune au centre du territoire', { exact: false }).fill('Vic-en-Bigorre (65)');
    // An address already taken is said beside its field.
    await page.getByLabel('Adresse du territoire').fill(DEMO_TERRITORY.slug);
    await page.getByLabel('Mot de passe', { exact: false }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Créer le territoire' }).click();
    await page.getByText('Cette adresse est déjà prise par un autre territoire', { exact: false }).first().waitFor();
    await page.getByLabel('Adresse du territoire').fill(slug);
    await page.getByLabel('Mot de passe', { exact: false }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Créer le territoire' }).click();

    await page.waitForURL(`**/t/${slug}/admin?bienvenue=1`);
    await page.getByText('Votre territoire est créé !').waitFor();
    expect(await page.getByText('0 sur 4 faits.').count()).toBe(1);
    for (const step of ['Relire et adapter la charte', 'Choisir les catégories de ressources', 'Inviter les premiers membres', 'Publier une première offre ou un premier besoin']) {
      expect(await stepState(page, step).textContent(), step).toBe('À faire');
    }
    await shot('admin-checklist');
    await product.mailbox.waitFor(founderEmail, /confirmez/);
    // The commune became the territory's centre.
    const again = await page.request.get(`/api/v1/territories/${slug}`);
    expect((await again.json()).centerLat).toBeCloseTo(43.39, 1);
  });

  it('adapts the settings and the categories; the checklist follows', async () => {
    await page.getByRole('link', { name: 'Modifier la charte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Réglages du territoire' }).waitFor();
    await shot('admin-settings');
    const charter = page.getByLabel('Texte de la charte');
    await charter.fill(`${await charter.inputValue()}\n\n7. Nous partageons nos outils entre voisins du Val d'Adour.`);
    await page.getByLabel('Présentation (facultatif)').fill('Le réseau des acteurs du Val d’Adour.');
    await page.getByLabel('Sur invitation').check();
    await page.getByLabel('Sur validation').check();
    if (javaScript) await page.getByLabel('Couleur du territoire').fill('#9c3f18');
    else await page.getByLabel('Garder les couleurs de SoliTERR').uncheck();
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await page.getByText('Les réglages sont enregistrés.').waitFor();
    const territory = await (await page.request.get(`/api/v1/territories/${slug}`)).json();
    expect(territory.charter).toContain('Val d\'Adour.');
    expect(territory.description).toBe('Le réseau des acteurs du Val d’Adour.');
    expect(territory.accentColor).toBe(javaScript ? '#9c3f18' : '#1f5a3d');
    if (javaScript) {
      // The colour is the territory's: its public page wears it.
      await page.goto(`/t/${slug}`);
      expect(await page.evaluate<string>("getComputedStyle(document.querySelector('section.band')).backgroundColor")).toBe('rgb(156, 63, 24)');
      await shot('territory-accent');
      await page.goBack();
    }
    // Saving again without a change says so, and writes nothing.
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await page.getByText("Rien n'a changé : il n'y avait rien à enregistrer.").waitFor();

    await page.getByRole('navigation', { name: 'Administration du territoire' }).getByRole('link', { name: 'Catégories' }).click();
    await page.getByRole('heading', { level: 1, name: 'Catégories de ressources' }).waitFor();
    const first = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Monter « Matériel »' }) });
    await first.getByLabel('Nom en français').fill('Matériel et outillage');
    await first.getByRole('button', { name: 'Renommer' }).click();
    await page.getByText('La catégorie « Matériel et outillage » est renommée.').waitFor();
    await page.getByRole('button', { name: 'Descendre « Matériel et outillage »' }).click();
    await page.getByText('La catégorie « Matériel et outillage » a changé de place.').waitFor();
    await page.locator('ol.categories > li').nth(1).getByRole('button', { name: 'Monter « Matériel et outillage »' }).waitFor();
    await page.getByRole('button', { name: 'Archiver — Savoir-faire' }).click();
    await page.getByText('La catégorie « Savoir-faire » est archivée.').waitFor();
    await page.getByRole('heading', { name: 'Catégories archivées' }).waitFor();
    await page.locator('#new-fr').fill('Produits du terroir');
    await page.getByRole('button', { name: 'Ajouter la catégorie' }).click();
    await page.getByText('La catégorie « Produits du terroir » est ajoutée.').waitFor();
    await shot('admin-categories');
    const categories = await (await page.request.get(`/api/v1/territories/${slug}/categories`)).json();
    expect(categories.items.map((c: { labelFr: string }) => c.labelFr)).toEqual([
      'Véhicules et mobilité', 'Matériel et outillage', 'Locaux et espaces', 'Compétences et temps',
      'Matières et approvisionnement', 'Services', 'Produits du terroir',
    ]);

    await page.getByRole('navigation', { name: 'Administration du territoire' }).getByRole('link', { name: 'Premiers pas' }).click();
    await page.getByText('2 sur 4 faits.').waitFor();
    expect(await stepState(page, 'Relire et adapter la charte').textContent()).toBe('Fait');
    expect(await stepState(page, 'Choisir les catégories de ressources').textContent()).toBe('Fait');
  });

  it('gives the territory a logo (a plain file form), shown on its public page, then removes it', async () => {
    await page.goto(`/t/${slug}/admin/reglages`);
    const logoFile = page.getByLabel('Fichier du logo');
    await logoFile.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
    await page.getByRole('button', { name: 'Enregistrer le logo' }).click();
    await page.getByText('Ce fichier n’est pas une image PNG, JPEG ou WebP', { exact: false }).waitFor();
    await logoFile.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1PX, 'base64') });
    await page.getByRole('button', { name: 'Enregistrer le logo' }).click();
    await page.getByText('Le logo est enregistré.').waitFor();
    const withLogo = await (await page.request.get(`/api/v1/territories/${slug}`)).json();
    expect(withLogo.logoUrl).toMatch(new RegExp(`^/api/v1/territories/${slug}/logo\\?v=\\d+$`));
    expect((await page.request.get(withLogo.logoUrl)).headers()['content-type']).toBe('image/png');
    await page.getByRole('img', { name: `Logo de ${withLogo.name}` }).waitFor();
    await shot('admin-logo');
    await page.goto(`/t/${slug}`);
    await page.getByRole('img', { name: `Logo de ${withLogo.name}` }).waitFor();
    await page.goto(`/t/${slug}/admin/reglages`);
    await page.getByRole('button', { name: 'Retirer le logo' }).click();
    await page.getByText('Le logo est retiré.').waitFor();
    expect((await (await page.request.get(`/api/v1/territories/${slug}`)).json()).logoUrl).toBeNull();
  });

  it('a newcomer registers, confirms the address and asks to join; the founder accepts from the queue', async () => {
    const newcomerContext = await newContext(browser, product.url, { javaScript });
    const newcomer = await newcomerContext.newPage();
    await newcomer.goto(`/t/${slug}`);
    await newcomer.getByRole('link', { name: 'Rejoindre le territoire' }).click();
    await registerAndVerify(newcomer, 'Camille Nouvelle', newcomerEmail, `/t/${slug}/rejoindre`);
    await newcomer.getByRole('checkbox').check();
    await newcomer.getByLabel('Votre message aux animateurs').fill('Je tiens une épicerie solidaire à Vic et je cherche une camionnette.');
    await newcomer.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await newcomer.waitForURL(`**/t/${slug}/en-attente?envoyee=1`);

    // The founder is told by email, with a link to the queue; the header counts the request.
    const mail = await product.mailbox.waitFor(founderEmail, /Camille Nouvelle/);
    const link = product.mailbox.linkIn(mail);
    expect(link.pathname).toBe(`/t/${slug}/admin/membres`);
    await page.goto(link.pathname);
    await page.getByRole('heading', { level: 1, name: 'Membres' }).waitFor();
    expect(await page.locator('summary .count').textContent()).toContain('1');
    const request = page.getByRole('article', { name: 'Camille Nouvelle' });
    expect(await request.textContent()).toContain('épicerie solidaire');
    await shot('admin-members');
    await request.getByLabel('Votre message à Camille Nouvelle', { exact: false }).fill('Bienvenue parmi nous !');
    await request.getByRole('button', { name: 'Accepter' }).click();
    await page.getByText('Camille Nouvelle est maintenant membre du territoire.', { exact: false }).waitFor();
    const decision = await product.mailbox.waitFor(newcomerEmail, /acceptée/);
    expect(decision.text).toContain('Bienvenue parmi nous !');
    expect(await page.getByText('Aucune demande en attente.').count()).toBe(1);

    // Her role changes to facilitator, then she is suspended (after a confirmation step) and reactivated.
    const card = page.getByRole('article', { name: 'Camille Nouvelle' });
    await card.getByLabel('Rôle de Camille Nouvelle').selectOption('facilitator');
    await card.getByRole('button', { name: 'Changer le rôle' }).click();
    await page.getByText('Le rôle de Camille Nouvelle est changé.', { exact: false }).waitFor();
    await page.getByRole('article', { name: 'Camille Nouvelle' }).getByRole('button', { name: 'Suspendre… Camille Nouvelle' }).click();
    await page.getByRole('heading', { name: 'Suspendre Camille Nouvelle ?' }).waitFor();
    await shot('admin-confirm-suspend');
    await page.getByRole('button', { name: 'Oui, suspendre' }).click();
    await page.getByText('Camille Nouvelle est suspendu·e.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Suspendus' }).click();
    await page.getByRole('button', { name: 'Réactiver Camille Nouvelle' }).click();
    await page.getByText('Camille Nouvelle est maintenant membre du territoire.', { exact: false }).waitFor();
    await newcomerContext.close();
  });

  it('invites someone, who creates an account from the invitation and joins; another invitation is revoked', async () => {
    await page.goto(`/t/${slug}/admin/invitations`);
    await page.getByLabel('Son adresse e-mail').fill(inviteeEmail);
    await page.getByLabel('Son rôle').selectOption('facilitator');
    await page.getByLabel('Votre message (facultatif)').fill('Rejoignez-nous pour animer le réseau.');
    await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
    await page.getByText(`Invitation envoyée à ${inviteeEmail}.`).waitFor();
    await page.getByLabel('Son adresse e-mail').fill(`autre-${suffix}@exemple.fr`);
    await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
    await page.getByText(`Invitation envoyée à autre-${suffix}@exemple.fr.`).waitFor();
    await shot('admin-invitations');
    await page.getByRole('button', { name: `Annuler l'invitation… — autre-${suffix}@exemple.fr` }).click();
    await page.getByRole('heading', { name: `Annuler l'invitation de autre-${suffix}@exemple.fr ?` }).waitFor();
    await page.getByRole('button', { name: "Oui, annuler l'invitation" }).click();
    await page.getByText(`L'invitation de autre-${suffix}@exemple.fr est annulée.`).waitFor();

    const mail = await product.mailbox.waitFor(inviteeEmail, /vous invite/);
    const link = product.mailbox.linkIn(mail);
    expect(link.pathname).toBe(`/t/${slug}/invitation`);
    const inviteeContext = await newContext(browser, product.url, { javaScript });
    const invitee = await inviteeContext.newPage();
    await invitee.goto(link.pathname + link.search);
    await invitee.getByRole('heading', { level: 1, name: `Rejoindre ${name}` }).waitFor();
    await shot('invitation', invitee);
    await invitee.getByRole('link', { name: 'Créer mon compte' }).click();
    await registerAndVerify(invitee, 'Paul Invité', inviteeEmail, link.pathname + link.search);
    await invitee.getByRole('button', { name: "Accepter l'invitation" }).click();
    await invitee.waitForURL((url) => url.pathname === `/t/${slug}`);
    // The link has served: opened again, it says so.
    await invitee.goto(link.pathname + link.search);
    await invitee.getByText('Vous êtes déjà membre de ce territoire.').first().waitFor();
    await inviteeContext.close();

    await page.goto(`/t/${slug}/admin/membres`);
    const card = page.getByRole('article', { name: 'Paul Invité' });
    expect(await card.textContent()).toContain('animateur');
  });

  it('shows all of it in the log, in plain sentences', async () => {
    await page.goto(`/t/${slug}/admin/journal`);
    await page.getByRole('heading', { level: 1, name: 'Journal' }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    for (const sentence of [
      'Sylvie Fondatrice a créé le territoire.',
      'Sylvie Fondatrice a modifié les réglages du territoire : présentation, charte, couleur.',
      'Sylvie Fondatrice a ajouté la catégorie « Produits du terroir ».',
      "Sylvie Fondatrice a accepté la demande d'adhésion de Camille Nouvelle.",
      'Sylvie Fondatrice a changé le rôle de Camille Nouvelle : membre → animateur.',
      'Sylvie Fondatrice a suspendu Camille Nouvelle.',
      'Sylvie Fondatrice a réactivé Camille Nouvelle.',
      'Sylvie Fondatrice a invité une personne comme animateur.',
      'Sylvie Fondatrice a annulé une invitation (membre).',
    ]) {
      expect(text, sentence).toContain(sentence);
    }
    await shot('admin-journal');
  });
}, JOURNEY);

describe('a private territory by invitation, in Chromium', () => {
  it('is created by someone already signed in; its invitation works before the invitee can see it', async () => {
    const context = await newContext(browser, product.url);
    const page = await context.newPage();
    await signIn(page, DEMO_PEOPLE[1].email);
    await page.goto('/creer-un-territoire');
    await page.getByText(`Vous serez l'administrateur du territoire avec votre compte (${DEMO_PEOPLE[1].name}).`).waitFor();
    expect(await page.getByLabel('Adresse e-mail').count()).toBe(0);
    await page.getByLabel('Nom du territoire').fill('Animateurs des Baronnies');
    await page.getByLabel('Sur invitation').check();
    await page.getByLabel('Privé').check();
    await page.getByRole('button', { name: 'Créer le territoire' }).click();
    await page.waitForURL('**/t/animateurs-des-baronnies/admin?bienvenue=1');
    // The switcher names the territory where one is (and still counts the demo's waiting request).
    expect(await page.locator('header details summary').textContent()).toContain('Animateurs des Baronnies');
    await page.goto('/t/animateurs-des-baronnies/admin/invitations');
    await page.getByLabel('Son adresse e-mail').fill(DEMO_PEOPLE[2].email);
    await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
    await page.getByText(`Invitation envoyée à ${DEMO_PEOPLE[2].email}.`).waitFor();

    const link = product.mailbox.linkIn(await product.mailbox.waitFor(DEMO_PEOPLE[2].email, /Animateurs des Baronnies/));
    const invitee = await (await newContext(browser, product.url)).newPage();
    expect((await invitee.goto('/t/animateurs-des-baronnies'))?.status()).toBe(404);
    await invitee.goto(link.pathname + link.search);
    await invitee.getByRole('heading', { level: 1, name: 'Rejoindre un territoire privé' }).waitFor();
    await check(invitee, 'invitation-private');
    await invitee.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
    await invitee.getByLabel('Adresse e-mail').fill(DEMO_PEOPLE[2].email);
    await invitee.getByLabel('Mot de passe', { exact: false }).fill(DEMO_PASSWORD);
    await invitee.getByRole('button', { name: 'Se connecter' }).click();
    await invitee.waitForURL((url) => url.pathname === link.pathname && url.search === link.search);
    await invitee.getByRole('button', { name: "Accepter l'invitation" }).click();
    await invitee.waitForURL((url) => url.pathname === '/t/animateurs-des-baronnies');
    await invitee.getByRole('heading', { level: 1, name: 'Animateurs des Baronnies' }).waitFor();
    await invitee.context().close();
    await context.close();
  });
}, JOURNEY);

describe('who may open the admin pages, in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext(browser, product.url);
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  it('a member gets a page that says why, not the admin pages', async () => {
    await signIn(page, DEMO_PEOPLE[2].email);
    const response = await page.goto(`/t/${DEMO_TERRITORY.slug}/admin/membres`);
    expect(response?.status()).toBe(403);
    await page.getByText('Ces pages sont réservées aux administrateurs et aux animateurs du territoire.', { exact: false }).waitFor();
    await check(page, 'admin-forbidden');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.pathname === '/');
  });

  it('a facilitator works the queue but leaves the admins and the settings to the admins', async () => {
    await signIn(page, DEMO_PEOPLE[1].email);
    await page.goto(`/t/${DEMO_TERRITORY.slug}/admin/membres`);
    const admin = page.getByRole('article', { name: DEMO_PEOPLE[0].name });
    await admin.getByText('Seul un administrateur peut modifier un administrateur.').waitFor();
    expect(await admin.getByRole('button').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Réglages' }).count()).toBe(0);
    const settings = await page.goto(`/t/${DEMO_TERRITORY.slug}/admin/reglages`);
    expect(settings?.status()).toBe(403);
    await page.getByText('Cette page est réservée aux administrateurs du territoire.').waitFor();

    // The waiting newcomer of the demo is refused, after the confirmation step.
    await page.goto(`/t/${DEMO_TERRITORY.slug}/admin/membres`);
    const request = page.getByRole('article', { name: 'Lucas Pérès' });
    await request.getByLabel('Votre message à Lucas Pérès', { exact: false }).fill('Le réseau est réservé aux structures du cœur de Bigorre.');
    await request.getByRole('button', { name: 'Refuser…' }).click();
    await page.getByRole('heading', { name: 'Refuser la demande de Lucas Pérès ?' }).waitFor();
    await check(page, 'admin-confirm-reject');
    await page.getByRole('button', { name: 'Oui, refuser la demande' }).click();
    await page.getByText('La demande de Lucas Pérès est refusée.', { exact: false }).waitFor();
    const mail = await product.mailbox.waitFor('lucas.peres@demo.soliterr.fr', /pas retenue/);
    expect(mail.text).toContain('réservé aux structures');
  });
}, JOURNEY);
