// The landing page of `npm start` until the site (web/) exists: what is running, where
// the API and its reference are, and who hosts it (PRODUCT.md: known hosting).
import { html } from 'hono/html';
import type { Config } from '../../functions/shared/config';
import { DEMO_TERRITORY } from '../db/demo-data';

export const homePage = (config: Config) => html`<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>SoliTERR</title>
    <style>
      body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 3rem auto; padding: 0 1rem; color: #1b1b1b; line-height: 1.55; }
      h1 { color: #1b5e20; } a { color: #1b5e20; } code { background: #f1f5f1; padding: .1rem .3rem; }
      a:focus-visible { outline: 3px solid #f9a825; outline-offset: 2px; }
    </style>
  </head>
  <body>
    <main>
      <h1>SoliTERR</h1>
      <p>Des espaces de coopération où les acteurs d'un territoire publient ce qu'ils peuvent offrir et ce dont ils ont besoin, se trouvent, coopèrent et gardent la maîtrise de leurs données.</p>
      <h2>L'API</h2>
      <ul>
        <li><a href="/api/docs">Référence interactive de l'API</a> — <a href="/api/v1/openapi.json">document OpenAPI 3.1</a></li>
        <li>Territoires publics : <a href="/api/v1/territories"><code>/api/v1/territories</code></a></li>
        <li>Territoire de démonstration : <a href="/api/v1/territories/${DEMO_TERRITORY.slug}"><code>/api/v1/territories/${DEMO_TERRITORY.slug}</code></a>,
          ses offres et besoins publics : <a href="/api/v1/territories/${DEMO_TERRITORY.slug}/listings"><code>…/listings</code></a></li>
      </ul>
      <h2>Hébergement</h2>
      <p>Opéré par : ${config.HOSTING_OPERATOR}. Serveurs : ${config.HOSTING_LOCATION}.</p>
      <p lang="en"><em>SoliTERR: cooperation workspaces for local actors of a territory. The site in French and English is on its way; the API above is complete.</em></p>
    </main>
  </body>
</html>`;
