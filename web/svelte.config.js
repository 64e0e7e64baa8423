import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    // build/handler.js is mounted by `npm start` (infra/dev/site.ts); build/index.js is
    // the standalone server of the `web` function (template/node24-soliterr-web).
    adapter: adapter({ out: 'build', precompress: true }),
    // Small stylesheets go inline in the page: no render-blocking request before the
    // first paint (Lighthouse, mobile). style-src already allows inline styles.
    inlineStyleThreshold: 8192,
    // Nonces/hashes for SvelteKit's own inline scripts; nothing loads from elsewhere.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
        'base-uri': ['self'],
        'object-src': ['none'],
      },
    },
  },
};
