import { defineFunction } from '../shared/http/function';
import * as h from './handlers';
import * as r from './routes';

/** Offers and needs: publish, browse and search, edit with optimistic concurrency, close and reopen. */
export default defineFunction({
  name: 'listings',
  register(app) {
    app.openapi(r.createListing, h.createListing);
    app.openapi(r.listListings, h.listListings);
    app.openapi(r.getListing, h.getListing);
    app.openapi(r.updateListing, h.updateListing);
    app.openapi(r.closeListing, h.closeListing);
    app.openapi(r.reopenListing, h.reopenListing);
  },
});
