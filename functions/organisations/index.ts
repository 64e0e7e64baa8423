import { defineFunction } from '../shared/http/function';
import * as h from './handlers';
import * as r from './routes';

/** Organisations (structures): the actors of a territory and the members who represent them. */
export default defineFunction({
  name: 'organisations',
  register(app) {
    app.openapi(r.createOrganisation, h.createOrganisation);
    app.openapi(r.listOrganisations, h.listOrganisations);
    app.openapi(r.getOrganisation, h.getOrganisation);
    app.openapi(r.updateOrganisation, h.updateOrganisation);
    app.openapi(r.listOrganisationMembers, h.listOrganisationMembers);
  },
});
