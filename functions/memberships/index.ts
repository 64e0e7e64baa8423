import { defineFunction } from '../shared/http/function';
import * as decisions from './decisions';
import * as invitations from './invitations';
import * as join from './join';
import * as r from './routes';

/** Memberships: joining a territory, the pending queue and its decisions, roles, invitations. */
export default defineFunction({
  name: 'memberships',
  register(app) {
    app.openapi(r.joinTerritory, join.joinTerritory);
    app.openapi(r.listMemberships, join.listMemberships);
    app.openapi(r.getMyMembership, join.getMyMembership);
    app.openapi(r.leaveTerritory, join.leaveTerritory);
    app.openapi(r.approveMembership, decisions.approveMembership);
    app.openapi(r.rejectMembership, decisions.rejectMembership);
    app.openapi(r.suspendMembership, decisions.suspendMembership);
    app.openapi(r.updateMembership, decisions.updateMembership);
    app.openapi(r.createInvitation, invitations.createInvitation);
    app.openapi(r.listInvitations, invitations.listInvitations);
    app.openapi(r.acceptInvitation, invitations.acceptInvitation);
    app.openapi(r.revokeInvitation, invitations.revokeInvitation);
  },
});
