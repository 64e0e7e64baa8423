import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    sveltekit(),
    paraglideVitePlugin({
      project: './project.inlang',
      outdir: './src/lib/paraglide',
      // French unless the person chose otherwise (docs/decisions/008-site-sveltekit.md):
      // the choice is a cookie, so URLs (and the links in emails) are the same in both languages.
      strategy: ['cookie', 'baseLocale'],
      cookieName: 'soliterr_locale',
    }),
  ],
  server: { port: 5173 },
});
