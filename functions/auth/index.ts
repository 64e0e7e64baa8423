import { defineFunction } from '../shared/http/function';
import * as h from './handlers';
import * as r from './routes';

/** Accounts and sessions: /api/v1/auth/… and /api/v1/me/… */
export default defineFunction({
  name: 'auth',
  register(app) {
    app.openapi(r.register, h.register);
    app.openapi(r.login, h.login);
    app.openapi(r.logout, h.logout);
    app.openapi(r.verifyEmail, h.verifyEmail);
    app.openapi(r.resendVerification, h.resendVerification);
    app.openapi(r.requestPasswordReset, h.requestPasswordReset);
    app.openapi(r.confirmPasswordReset, h.confirmPasswordReset);
    app.openapi(r.me, h.me);
    app.openapi(r.updateMe, h.updateMe);
    app.openapi(r.changePassword, h.changePassword);
    app.openapi(r.listSessions, h.listSessions);
    app.openapi(r.revokeOtherSessions, h.revokeOtherSessions);
    app.openapi(r.revokeSession, h.revokeSession);
    app.openapi(r.myTerritories, h.myTerritories);
  },
});
