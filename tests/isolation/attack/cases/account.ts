// Account operations take no territory, but they take B's people's emails, sessions and
// passwords: none of them may open anything of B or tell more about B's people than an
// address that exists nowhere would.
import { generateToken } from '../../../../functions/shared/auth/tokens';
import { type CaseGenerator, plain, probe, ref } from '../probe';

const PASSWORD = 'un mot de passe solide';

export const accountCases: Record<string, CaseGenerator> = {
  // A taken address is refused (409): that reveals an account exists somewhere, never in
  // which territory; the answer must carry nothing of the person.
  register: (w) => [
    plain("B's admin's email", { body: { email: w.B.adminEmail.toUpperCase(), password: PASSWORD, name: 'Intrus' } }, { expect: 'refused' }),
  ],
  login: (w, c) => [
    probe("B's admin's email with the caller's password", { email: ref.email(w.B.adminEmail) }, ({ email }) => ({
      body: { email, password: c.user?.password ?? PASSWORD },
    })),
  ],
  // A fresh session of the caller, so their usual one survives.
  logout: async (w, c) => {
    if (!c.user) return [plain('no session', {}, { expect: 'refused' })];
    const res = await w.api.call('POST', '/api/v1/auth/login', { body: { email: c.user.email, password: c.user.password } });
    return [plain('a fresh session of the caller', { token: res.body.token })];
  },
  verifyEmail: () => [plain('a token that exists nowhere', { body: { token: generateToken() } }, { expect: 'refused' })],
  resendVerification: () => [plain('the caller themselves', {})],
  // Always 202, account or not; the reset mail goes to the address's owner only.
  requestPasswordReset: (w) => [
    probe("B's admin's email", { email: ref.email(w.B.adminEmail) }, ({ email }) => ({ body: { email } }), {
      expect: 'harmless',
      accountsMayChange: true,
    }),
  ],
  confirmPasswordReset: () => [
    plain('a token that exists nowhere', { body: { token: generateToken(), password: PASSWORD } }, { expect: 'refused' }),
  ],
  getMe: () => [plain('the caller themselves', {})],
  updateMe: () => [plain('the caller themselves', { body: { locale: 'fr' } })],
  changePassword: (w) => [
    probe("B's admin's password as the current one", { password: ref.password(w.B.adminPassword) }, ({ password }) => ({
      body: { currentPassword: password, newPassword: 'un autre mot de passe solide' },
    })),
  ],
  listMySessions: () => [plain('the caller themselves', {})],
  revokeMySession: (w) => [
    probe("a session of B's admin", { sessionId: ref.session(w.B.adminSession) }, ({ sessionId }) => ({ params: { sessionId } })),
  ],
  revokeMyOtherSessions: () => [plain('the caller themselves', {})],
  listMyTerritories: () => [plain('the caller themselves', {})],
};
