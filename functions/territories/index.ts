import { defineFunction } from '../shared/http/function';
import * as h from './handlers';
import { getInstance, instanceHandler } from './instance';
import { searchCommunes, searchCommunesHandler } from './communes';
import * as logo from './logo';
import * as r from './routes';

/** Territories: sign-up, public directory, settings, categories and audit log. */
export default defineFunction({
  name: 'territories',
  rawBodies: [logo.LOGO_RAW_BODY],
  register(app) {
    app.openapi(r.createTerritory, h.createTerritory);
    app.openapi(r.listTerritories, h.listTerritories);
    app.openapi(r.getTerritory, h.getTerritory);
    app.openapi(r.updateTerritory, h.updateTerritory);
    app.openapi(r.listCategories, h.listCategories);
    app.openapi(r.createCategory, h.createCategory);
    app.openapi(r.updateCategory, h.updateCategory);
    app.openapi(r.listAuditLog, h.listAuditLog);
    app.openapi(r.putTerritoryLogo, logo.putTerritoryLogo);
    app.openapi(r.deleteTerritoryLogo, logo.deleteTerritoryLogo);
    app.openapi(r.getTerritoryLogo, logo.getTerritoryLogo);
    app.openapi(getInstance, instanceHandler);
    app.openapi(searchCommunes, searchCommunesHandler);
  },
});
