// The territory map in a real browser: a visitor finds a listing on the map (clusters,
// marker, popup, listing page) with tiles from a local tile server (no network, the CSP
// lets exactly that host in), then the same places as a list without JavaScript.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LISTINGS, DEMO_TERRITORY } from '../../infra/db/demo-data';
import { check, keepFailure, launchBrowser, newContext } from './support/browser';
import { type Product, startProduct } from './support/product';

/** A 1×1 PNG: every tile of the test map. */
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const FLEET = DEMO_LISTINGS.find((l) => l.title.startsWith('Prêt de véhicules'))!;
const MEMBERS_ONLY = DEMO_LISTINGS.find((l) => l.visibility === 'members')!;

/** Clusters outside the map's frame are in the page too: click the one that shows. */
async function clickClusterInView(page: Page): Promise<void> {
  const frame = page.locator('.leaflet-container');
  await frame.scrollIntoViewIfNeeded();
  const area = (await frame.boundingBox())!;
  for (const cluster of await page.locator('.map-cluster').all()) {
    // Clusters come and go while the map animates: one that is gone is skipped.
    const box = await cluster.boundingBox({ timeout: 1_000 }).catch(() => null);
    if (!box) continue;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    if (x > area.x && x < area.x + area.width && y > area.y && y < area.y + area.height) {
      await page.mouse.click(x, y);
      return;
    }
  }
  throw new Error('no cluster in view');
}

describe('the territory map in Chromium', () => {
  let product: Product;
  let browser: Browser;
  let tiles: Server;
  let tileRequests = 0;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  /** What the API shows a visitor (public and still open): the map must show the same. */
  const listingsOf = (query: string) =>
    fetch(`${product.url}/api/v1/territories/${DEMO_TERRITORY.slug}/listings?limit=100${query}`).then((r) => r.json() as Promise<{ items: { title: string }[] }>);

  beforeAll(async () => {
    tiles = createServer((_req, res) => {
      tileRequests += 1;
      res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }).end(TILE);
    });
    await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
    const tileUrl = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}/{z}/{x}/{y}.png`;
    [product, browser] = await Promise.all([startProduct({ MAP_TILE_URL: tileUrl }), launchBrowser()]);
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await keepFailure(page, task.name);
    await context?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
    await new Promise((resolve) => tiles?.close(resolve));
  });

  it('finds a listing on the map: the space’s « Carte » tab, a cluster, a marker, its popup, the listing', async () => {
    context = await newContext(browser, product.url);
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(String(error)));

    await page.goto(`/t/${DEMO_TERRITORY.slug}/offres-et-besoins`);
    await page.getByRole('navigation', { name: /espace/i }).getByRole('link', { name: 'Carte' }).click();
    await page.waitForURL(`**/t/${DEMO_TERRITORY.slug}/carte`);
    await page.getByRole('heading', { level: 1, name: 'Carte des offres et besoins' }).waitFor();
    await page.locator('.leaflet-marker-icon').first().waitFor();
    await expect.poll(() => tileRequests).toBeGreaterThan(0);
    // The attribution of the tiles is always there.
    expect(await page.locator('.leaflet-control-attribution').textContent()).toContain('OpenStreetMap');
    // Visitors: public listings only, and the count says how many.
    // What the list shows a visitor (public and still open), the map shows too.
    const open = await listingsOf('');
    const count = (await page.getByRole('heading', { level: 2, name: /sur la carte/ }).textContent()) ?? '';
    expect(count).toBe(`${open.items.length} annonces sur la carte`);
    expect(await page.locator(`[title="Offre : ${MEMBERS_ONLY.title}"], [title="Besoin : ${MEMBERS_ONLY.title}"]`).count()).toBe(0);
    await check(page, 'map');

    // The list's filters, with JavaScript: the words of the hospital's offer leave it alone
    // on the map, in a cluster with the hospital itself (same address), which opens on a click.
    await page.getByLabel('Mots-clés').fill('fourgons');
    await page.getByRole('button', { name: 'Afficher les annonces' }).click();
    await page.waitForURL(/q=fourgons/);
    await page.getByRole('heading', { level: 2, name: '1 annonce sur la carte' }).waitFor();
    const marker = page.locator(`.leaflet-marker-icon[title="Offre : ${FLEET.title}"]`);
    // A cluster opens by zooming, then spreads its markers when they share an address: as a
    // person would, click the cluster in view until the marker shows (a bound of 6 clicks).
    const settled = () =>
      page.waitForFunction("!document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim')", undefined, { timeout: 10_000 }).catch(() => undefined);
    for (let i = 0; i < 8 && !(await settled().then(() => marker.isVisible())); i++) {
      await clickClusterInView(page).catch(() => undefined);
      await page.waitForTimeout(400); // let the click start its animation before waiting for its end
    }
    // The cluster's animation replaces marker elements while it runs: a click event on the
    // marker does what a person's click does.
    await marker.dispatchEvent('click');
    const popup = page.locator('.leaflet-popup');
    await popup.getByText(FLEET.title).waitFor();
    expect(await popup.textContent()).toContain('Offre');
    await popup.getByRole('link', { name: /^Voir l.annonce$/ }).click();
    await page.waitForURL(/\/annonces\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: FLEET.title }).waitFor();
    expect(problems).toEqual([]);
  }, 90_000);

  it('shows the same places as a list without JavaScript, linked to the list and to each listing', async () => {
    context = await newContext(browser, product.url, { javaScript: false });
    page = await context.newPage();
    await page.goto(`/t/${DEMO_TERRITORY.slug}/offres-et-besoins?type=offres`);
    await page.getByRole('link', { name: 'Voir sur la carte' }).click();
    await page.waitForURL(`**/t/${DEMO_TERRITORY.slug}/carte?type=offres`);
    expect(await page.locator('.leaflet-container').count()).toBe(0);
    const places = page.locator('details.places');
    expect(await places.getAttribute('open')).not.toBeNull();
    const text = (await places.textContent()) ?? '';
    const offers = await listingsOf('&kind=offer');
    expect(offers.items.length).toBeGreaterThan(1);
    for (const listing of DEMO_LISTINGS) {
      if (offers.items.some((o) => o.title === listing.title)) expect(text, listing.title).toContain(listing.title);
      else expect(text, listing.title).not.toContain(listing.title);
    }
    expect(text).toContain('Centre hospitalier de Lannemezan');
    // The filters are a plain form: needs only.
    await page.getByRole('radio', { name: 'Besoins' }).check();
    await page.getByRole('button', { name: 'Afficher les annonces' }).click();
    await page.waitForURL(/type=besoins/);
    expect(await page.locator('details.places').textContent()).not.toContain(FLEET.title);
    await page.getByRole('link', { name: 'Voir en liste' }).click();
    await page.waitForURL(/offres-et-besoins\?type=besoins/);
    await page.goto(`/t/${DEMO_TERRITORY.slug}/carte`);
    await page.locator('details.places').getByRole('link', { name: FLEET.title }).click();
    await page.getByRole('heading', { level: 1, name: FLEET.title }).waitFor();
  }, 90_000);
});
