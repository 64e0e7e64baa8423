import { defineFunction } from '../shared/http/function';
import * as h from './handlers';
import * as r from './routes';

/** Recorded cooperations, confirmed by their partners, and the territory's figures. */
export default defineFunction({
  name: 'cooperations',
  register(app) {
    app.openapi(r.createCooperation, h.createCooperation);
    app.openapi(r.listCooperations, h.listCooperations);
    app.openapi(r.getCooperation, h.getCooperation);
    app.openapi(r.updateCooperation, h.updateCooperation);
    app.openapi(r.withdrawCooperation, h.withdrawCooperation);
    app.openapi(r.confirmCooperation, h.confirmCooperation);
    app.openapi(r.disputeCooperation, h.disputeCooperation);
    app.openapi(r.territoryFigures, h.territoryFigures);
  },
});
