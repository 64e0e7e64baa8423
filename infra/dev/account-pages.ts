// Minimal pages for the links in account emails (verify address, new password), so a
// newcomer running `npm start` can click them. Plain HTML forms, no JavaScript; they
// call the public API like any client. The SvelteKit site (web/) replaces them.
import { Hono } from 'hono';
import { html } from 'hono/html';
import { SITE_PATHS } from '../../functions/shared/mail/links';

type ApiFetch = (request: Request) => Promise<Response>;

const page = (title: string, body: unknown) => html`<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} — SoliTERR</title>
    <style>
      body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; color: #1b1b1b; line-height: 1.5; }
      h1 { color: #1b5e20; }
      label { display: block; margin-top: 1rem; font-weight: 600; }
      input { font: inherit; padding: .5rem; width: 100%; box-sizing: border-box; }
      button { font: inherit; margin-top: 1rem; padding: .6rem 1.2rem; background: #1b5e20; color: #fff; border: 0; border-radius: .3rem; cursor: pointer; }
      button:focus-visible, input:focus-visible { outline: 3px solid #f9a825; outline-offset: 2px; }
      .ok { color: #1b5e20; } .error { color: #b71c1c; }
    </style>
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>`;

async function callApi(api: ApiFetch, origin: string, path: string, body: unknown) {
  const res = await api(
    new Request(new URL(path, origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  const json = (await res.json().catch(() => ({}))) as { detail?: string; errors?: { message: string }[] };
  return { ok: res.ok, detail: json.errors?.map((e) => e.message).join(', ') || json.detail };
}

export function accountPages(api: ApiFetch) {
  const app = new Hono();
  app.get(SITE_PATHS.verifyEmail, (c) =>
    c.html(
      page('Confirmer votre adresse', html`<h1>Confirmer votre adresse e-mail</h1>
        <form method="post">
          <input type="hidden" name="token" value="${c.req.query('token') ?? ''}" />
          <button type="submit">Confirmer mon adresse</button>
        </form>`),
    ),
  );
  app.post(SITE_PATHS.verifyEmail, async (c) => {
    const form = await c.req.parseBody();
    const result = await callApi(api, c.req.url, '/api/v1/auth/verify-email', { token: String(form.token ?? '') });
    return c.html(
      page('Adresse e-mail', result.ok
        ? html`<h1>Merci !</h1><p class="ok">Votre adresse e-mail est confirmée.</p>`
        : html`<h1>Lien expiré</h1><p class="error">${result.detail ?? 'Ce lien n’est plus valable.'}</p>`),
      result.ok ? 200 : 400,
    );
  });
  app.get(SITE_PATHS.resetPassword, (c) =>
    c.html(
      page('Nouveau mot de passe', html`<h1>Choisir un nouveau mot de passe</h1>
        <form method="post">
          <input type="hidden" name="token" value="${c.req.query('token') ?? ''}" />
          <label for="password">Nouveau mot de passe (10 caractères au moins)</label>
          <input id="password" name="password" type="password" minlength="10" maxlength="200" autocomplete="new-password" required />
          <button type="submit">Enregistrer</button>
        </form>`),
    ),
  );
  app.post(SITE_PATHS.resetPassword, async (c) => {
    const form = await c.req.parseBody();
    const result = await callApi(api, c.req.url, '/api/v1/auth/password-reset/confirm', {
      token: String(form.token ?? ''),
      password: String(form.password ?? ''),
    });
    return c.html(
      page('Nouveau mot de passe', result.ok
        ? html`<h1>C’est fait</h1><p class="ok">Votre mot de passe est changé. Toutes vos sessions ont été déconnectées.</p>`
        : html`<h1>Impossible</h1><p class="error">${result.detail ?? 'Ce lien n’est plus valable.'}</p>`),
      result.ok ? 200 : 400,
    );
  });
  return app;
}
