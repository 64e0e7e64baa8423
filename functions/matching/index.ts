import { defineFunction } from '../shared/http/function';
import * as h from './handlers';
import * as r from './routes';

/** Transparent matching: suggestions with their reasons, unmatched needs. */
export default defineFunction({
  name: 'matching',
  register(app) {
    app.openapi(r.listSuggestions, h.listSuggestions);
    app.openapi(r.listUnmatchedNeeds, h.listUnmatchedNeeds);
  },
});
