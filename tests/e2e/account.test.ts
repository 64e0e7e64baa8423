// The account forms, each journey twice: with JavaScript (use:enhance) and without it
// (plain form posts), in two browser contexts against the same product.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../infra/db/demo-data';
import { check, keepFailure, launchBrowser, newContext } from './support/browser';
import { type Product, startProduct } from './support/product';

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
  { label: 'with JavaScript', javaScript: true, suffix: '' },
  { label: 'without JavaScript', javaScript: false, suffix: '-nojs' },
];

describe.each(MODES)('account forms in Chromium, $label', ({ javaScript, suffix }) => {
  let context: BrowserContext;
  let page: Page;
  const email = `nouvelle${suffix || '-js'}@exemple.fr`;
  const shot = (name: string) => (suffix ? Promise.resolve() : check(page, name));

  beforeAll(async () => {
    context = await newContext(browser, product.url, { javaScript });
    page = await context.newPage();
  });
  afterAll(() => context?.close());
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await keepFailure(page, `${task.name}${suffix}`);
  });

  it('refuses a wrong password with a message beside the form, then signs in', async () => {
    const person = DEMO_PEOPLE[2];
    await page.goto('/connexion');
    await shot('login');
    await page.getByLabel('Adresse e-mail').fill(person.email);
    await page.getByLabel('Mot de passe', { exact: false }).fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('alert').getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
    // The address stays, the password does not.
    expect(await page.getByLabel('Adresse e-mail').inputValue()).toBe(person.email);
    expect(await page.getByLabel('Mot de passe', { exact: false }).inputValue()).toBe('');
    await shot('login-error');

    await page.getByLabel('Mot de passe', { exact: false }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/compte');
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Cœur de Bigorre');
    await shot('account');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(await page.getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
  });

  it('registers a newcomer, who confirms the address from the email', async () => {
    await page.goto('/inscription');
    await shot('register');
    await page.getByLabel('Votre nom').fill('Camille Nouvelle');
    await page.getByLabel('Adresse e-mail').fill(DEMO_PEOPLE[0].email);
    await page.getByLabel('Mot de passe', { exact: false }).fill('une phrase de passe solide');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByText('Un compte existe déjà avec cette adresse.').first().waitFor();
    expect(await page.getByLabel('Votre nom').inputValue()).toBe('Camille Nouvelle');

    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: false }).fill('une phrase de passe solide');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await page.getByRole('heading', { name: 'Vérifiez votre boîte mail' }).waitFor();
    await shot('verify-sent');

    const mail = await product.mailbox.waitFor(email, /confirmez/);
    const link = product.mailbox.linkIn(mail);
    expect(link.pathname).toBe('/compte/verifier-email');
    await page.goto(link.pathname + link.search);
    await shot('verify');
    await page.getByRole('button', { name: 'Confirmer mon adresse' }).click();
    await page.getByRole('heading', { name: 'Merci, votre adresse est confirmée' }).waitFor();

    // A link used once is not valid twice, and the page says what to do.
    await page.goto(link.pathname + link.search);
    await page.getByRole('button', { name: 'Confirmer mon adresse' }).click();
    await page.getByRole('alert').getByText("Ce lien n'est plus valable. Demandez-en un nouveau.").waitFor();

    await page.goto('/compte');
    await page.getByText('Adresse confirmée').waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.pathname === '/');
  });

  it('chooses a new password from the emailed link after forgetting it', async () => {
    await page.goto('/connexion');
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' }).waitFor();
    await shot('forgot');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByRole('button', { name: 'Recevoir le lien' }).click();
    await page.getByText('Si un compte existe avec cette adresse, un e-mail vient de partir.').waitFor();

    const mail = await product.mailbox.waitFor(email, /nouveau mot de passe/);
    const link = product.mailbox.linkIn(mail);
    expect(link.pathname).toBe('/compte/nouveau-mot-de-passe');
    await page.goto(link.pathname + link.search);
    await shot('reset');
    await page.getByLabel('Nouveau mot de passe').fill('un tout nouveau secret');
    await page.getByRole('button', { name: 'Enregistrer mon nouveau mot de passe' }).click();
    await page.getByRole('heading', { name: "C'est fait" }).waitFor();

    await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: false }).fill('un tout nouveau secret');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/compte');
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(email);
  });

  it('sends a visitor who opens a members page to sign in first, then back', async () => {
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/compte');
    await page.waitForURL('**/connexion?retour=%2Fcompte');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: false }).fill('un tout nouveau secret');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/compte');
  });

  it('switches the language with a plain link', async () => {
    await page.goto('/connexion');
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.getByRole('link', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
  });
});
