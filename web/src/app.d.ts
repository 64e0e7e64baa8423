// See https://svelte.dev/docs/kit/types#app.d.ts
import type { IncomingMessage } from 'node:http';
import type { Api } from '$lib/server/api';
import type { components } from '$lib/api/schema';

declare global {
  namespace App {
    interface Locals {
      /** 'fr' (default) or 'en', from the soliterr_locale cookie (Paraglide). */
      locale: 'fr' | 'en';
      /** The session token from the soliterr_session cookie, forwarded to the API as Bearer. */
      sessionToken: string | null;
      /** The signed-in person, as GET /api/v1/me answers; null for a visitor. */
      user: components['schemas']['User'] | null;
      /** The territory slug when the path is /t/{slug}/…; its layout loads the territory. */
      territorySlug: string | null;
      /** The typed API client for this request (session and client address forwarded). */
      api: Api;
    }
    interface Error {
      message: string;
      /** What the person can do next (shown on the error page). */
      hint?: string;
      requestId?: string;
    }
    interface Platform {
      /**
       * adapter-node gives the Node request. `npm start` (infra/dev/site.ts) attaches
       * `soliterrApi`: the in-process gateway, so the site calls the API without a socket.
       */
      req?: IncomingMessage & { soliterrApi?: (request: Request) => Promise<Response> };
    }
  }
}

export {};
