// The account area in Chromium: profile and language, password change, my sessions
// (close one, sign out everywhere else), the confirmation email sent again, and the
// header's territory switcher with the waiting requests an admin has to decide.
// Each journey twice: with JavaScript (use:enhance) and without it (plain posts).
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TERRITORY } from '../../infra/db/demo-data';
import { check } from './support/browser';
import { browser, JOURNEY, newContext, product, signIn, useProductAndBrowser } from './support/journey';

useProductAndBrowser();

const MODES = [
  { label: 'with JavaScript', javaScript: true, suffix: 'js', person: DEMO_PEOPLE[4] },
  { label: 'without JavaScript', javaScript: false, suffix: 'nojs', person: DEMO_PEOPLE[5] },
];

/** Whether this browser is still signed in: /compte sends a visitor to the sign-in page. */
async function signedIn(page: Page): Promise<boolean> {
  await page.goto('/compte');
  return !new URL(page.url()).pathname.startsWith('/connexion');
}

describe.each(MODES)('my account in Chromium, $label', ({ javaScript, suffix, person }) => {
  let here: BrowserContext;
  let elsewhere: BrowserContext;
  let page: Page;
  let other: Page;
  const newPassword = `un nouveau secret ${suffix}`;
  const shot = (name: string) => (javaScript ? check(page, name) : Promise.resolve());

  beforeAll(async () => {
    [here, elsewhere] = await Promise.all([newContext(browser, product.url, { javaScript }), newContext(browser, product.url, { javaScript })]);
    [page, other] = await Promise.all([here.newPage(), elsewhere.newPage()]);
    await signIn(page, person.email, DEMO_PASSWORD);
    await signIn(other, person.email, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await here?.close();
    await elsewhere?.close();
  });

  it('changes the name, and the language of the whole site', async () => {
    await page.goto('/compte');
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    expect(await page.locator('main').textContent()).toContain(DEMO_TERRITORY.name);
    await shot('account');
    await page.getByLabel('Votre nom').fill(`${person.name} (${suffix})`);
    await page.getByRole('button', { name: 'Enregistrer mon profil' }).click();
    await page.getByText('Votre profil est enregistré.').waitFor();
    expect(await page.getByLabel('Votre nom').inputValue()).toBe(`${person.name} (${suffix})`);

    await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');
    await page.getByRole('button', { name: 'Enregistrer mon profil' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.getByText('Your profile is saved.').waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await page.getByRole('button', { name: 'Save my profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
  });

  it('changes the password: the current one is checked, and the other sessions are closed', async () => {
    await page.getByRole('navigation', { name: 'Mon compte' }).getByRole('link', { name: 'Mot de passe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Changer mon mot de passe' }).waitFor();
    await shot('account-password');
    await page.getByLabel('Mot de passe actuel').fill('pas le bon');
    await page.getByRole('textbox', { name: /^Nouveau mot de passe/ }).fill(newPassword);
    await page.getByLabel('Confirmez le nouveau mot de passe').fill(newPassword);
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await page.getByText("Ce n'est pas votre mot de passe actuel.").first().waitFor();

    await page.getByLabel('Mot de passe actuel').fill(DEMO_PASSWORD);
    await page.getByRole('textbox', { name: /^Nouveau mot de passe/ }).fill(newPassword);
    await page.getByLabel('Confirmez le nouveau mot de passe').fill(`${newPassword} !`);
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await page.getByText('Les deux nouveaux mots de passe ne sont pas identiques.').first().waitFor();

    await page.getByLabel('Mot de passe actuel').fill(DEMO_PASSWORD);
    await page.getByRole('textbox', { name: /^Nouveau mot de passe/ }).fill(newPassword);
    await page.getByLabel('Confirmez le nouveau mot de passe').fill(newPassword);
    await page.getByRole('button', { name: 'Changer mon mot de passe' }).click();
    await page.getByText('Votre mot de passe est changé.', { exact: false }).waitFor();
    expect(await signedIn(other)).toBe(false);
    expect(await signedIn(page)).toBe(true);
  });

  it('lists my sessions, closes one, then signs out everywhere else', async () => {
    await signIn(other, person.email, newPassword);
    await page.goto('/compte/sessions');
    await page.getByRole('heading', { level: 1, name: 'Mes sessions' }).waitFor();
    await page.getByText('Cette session', { exact: true }).waitFor();
    // Both browsers are Chromium on Linux: the device is named, never the raw user agent.
    expect(await page.getByText('Chrome · Linux', { exact: true }).count()).toBe(2);
    await shot('account-sessions');
    await page.getByRole('button', { name: 'Fermer cette session', exact: false }).click();
    await page.getByText('La session est fermée.').waitFor();
    expect(await signedIn(other)).toBe(false);

    await signIn(other, person.email, newPassword);
    await page.goto('/compte/sessions');
    await page.getByRole('button', { name: 'Me déconnecter partout ailleurs' }).click();
    await page.getByText('Vous êtes déconnecté·e partout ailleurs.', { exact: false }).waitFor();
    expect(await page.getByText("Votre compte n'est connecté nulle part ailleurs.").count()).toBe(1);
    expect(await signedIn(other)).toBe(false);
    expect(await signedIn(page)).toBe(true);
  });

  it('sends the confirmation email again for an address not yet confirmed', async () => {
    const email = `a-confirmer-${suffix}@exemple.fr`;
    await other.goto('/inscription');
    await other.getByLabel('Votre nom').fill('Inès À-Confirmer');
    await other.getByLabel('Adresse e-mail').fill(email);
    await other.getByLabel('Mot de passe', { exact: false }).fill('une phrase de passe solide');
    await other.getByRole('button', { name: 'Créer mon compte' }).click();
    await other.getByRole('heading', { name: 'Vérifiez votre boîte mail' }).waitFor();
    await product.mailbox.waitFor(email, /confirmez/);
    await other.goto('/compte');
    await other.getByText("Votre adresse n'est pas encore confirmée.").waitFor();
    await other.getByRole('button', { name: "Renvoyer l'e-mail de confirmation" }).click();
    await other.getByText('Un nouvel e-mail de confirmation vient de partir.', { exact: false }).waitFor();
    await expect.poll(() => product.mailbox.messages.filter((m) => m.to.includes(email)).length).toBe(2);
  });
}, JOURNEY);

describe('the territory switcher of an admin, in Chromium', () => {
  it('names the territory, counts the waiting requests and leads to the queue', async () => {
    const context = await newContext(browser, product.url);
    const page = await context.newPage();
    await signIn(page, DEMO_PEOPLE[0].email, DEMO_PASSWORD);
    await page.goto(`/t/${DEMO_TERRITORY.slug}`);
    const switcher = page.locator('header details');
    expect(await switcher.locator('summary').textContent()).toContain(DEMO_TERRITORY.name);
    expect(await switcher.locator('summary').textContent()).toContain('1');
    await switcher.locator('summary').click();
    await switcher.getByRole('link', { name: 'Administration — 1 en attente' }).click();
    await page.waitForURL(`**/t/${DEMO_TERRITORY.slug}/admin/membres`);
    await page.getByRole('article', { name: 'Lucas Pérès' }).waitFor();
    await page.goto('/compte');
    await page.getByRole('link', { name: 'Demandes en attente : 1' }).waitFor();
    await page.locator('header details summary').click();
    await check(page, 'account-switcher');
    await context.close();
  });
}, JOURNEY);
