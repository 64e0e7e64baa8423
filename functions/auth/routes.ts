import { createRoute, z } from '@hono/zod-openapi';
import {
  Accepted,
  ChangePasswordBody,
  EmailBody,
  LoginBody,
  MyTerritory,
  RegisterBody,
  ResetConfirmBody,
  SessionInfo,
  SessionResponse,
  TokenBody,
  UpdateMeBody,
  UserSchema,
} from '../../schemas/api';
import { ANYONE, errors, jsonBody, jsonResponse, SIGNED_IN } from '../shared/http/openapi';

const tags = ['Comptes'];

export const register = createRoute({
  method: 'post', path: '/api/v1/auth/register', operationId: 'register', tags, security: ANYONE,
  summary: 'Créer un compte (envoie un e-mail de vérification)',
  request: { body: jsonBody(RegisterBody) },
  responses: { 201: jsonResponse(SessionResponse, 'Compte créé et connecté'), ...errors(409, 429) },
});

export const login = createRoute({
  method: 'post', path: '/api/v1/auth/login', operationId: 'login', tags, security: ANYONE,
  summary: 'Se connecter',
  request: { body: jsonBody(LoginBody) },
  responses: { 200: jsonResponse(SessionResponse, 'Connecté'), ...errors(401, 429) },
});

export const logout = createRoute({
  method: 'post', path: '/api/v1/auth/logout', operationId: 'logout', tags, security: SIGNED_IN,
  summary: 'Se déconnecter (révoque la session courante)',
  responses: { 204: { description: 'Déconnecté' }, ...errors(401, 403) },
});

export const verifyEmail = createRoute({
  method: 'post', path: '/api/v1/auth/verify-email', operationId: 'verifyEmail', tags, security: ANYONE,
  summary: "Confirmer l'adresse e-mail avec le jeton reçu",
  request: { body: jsonBody(TokenBody) },
  responses: { 200: jsonResponse(UserSchema, 'Adresse confirmée'), ...errors(404) },
});

export const resendVerification = createRoute({
  method: 'post', path: '/api/v1/auth/verify-email/resend', operationId: 'resendVerification', tags, security: SIGNED_IN,
  summary: "Renvoyer l'e-mail de vérification",
  responses: { 202: jsonResponse(Accepted, 'E-mail envoyé'), ...errors(401, 403, 409, 429) },
});

export const requestPasswordReset = createRoute({
  method: 'post', path: '/api/v1/auth/password-reset', operationId: 'requestPasswordReset', tags, security: ANYONE,
  summary: 'Demander un lien de réinitialisation du mot de passe',
  description: "Répond toujours 202, que l'adresse ait un compte ou non.",
  request: { body: jsonBody(EmailBody) },
  responses: { 202: jsonResponse(Accepted, 'Demande prise en compte'), ...errors(429) },
});

export const confirmPasswordReset = createRoute({
  method: 'post', path: '/api/v1/auth/password-reset/confirm', operationId: 'confirmPasswordReset', tags, security: ANYONE,
  summary: 'Choisir un nouveau mot de passe (révoque toutes les sessions)',
  request: { body: jsonBody(ResetConfirmBody) },
  responses: { 204: { description: 'Mot de passe changé' }, ...errors(404) },
});

export const me = createRoute({
  method: 'get', path: '/api/v1/me', operationId: 'getMe', tags, security: SIGNED_IN,
  summary: 'Mon compte',
  responses: { 200: jsonResponse(UserSchema, 'Le compte connecté'), ...errors(401) },
});

export const updateMe = createRoute({
  method: 'patch', path: '/api/v1/me', operationId: 'updateMe', tags, security: SIGNED_IN,
  summary: 'Modifier mon nom ou ma langue',
  request: { body: jsonBody(UpdateMeBody) },
  responses: { 200: jsonResponse(UserSchema, 'Compte modifié'), ...errors(401, 403) },
});

export const changePassword = createRoute({
  method: 'post', path: '/api/v1/me/password', operationId: 'changePassword', tags, security: SIGNED_IN,
  summary: 'Changer mon mot de passe (déconnecte mes autres sessions)',
  request: { body: jsonBody(ChangePasswordBody) },
  responses: { 204: { description: 'Mot de passe changé' }, ...errors(401, 403, 429) },
});

export const listSessions = createRoute({
  method: 'get', path: '/api/v1/me/sessions', operationId: 'listMySessions', tags, security: SIGNED_IN,
  summary: 'Mes sessions ouvertes',
  responses: { 200: jsonResponse(z.object({ items: z.array(SessionInfo) }), 'Sessions'), ...errors(401) },
});

export const revokeSession = createRoute({
  method: 'delete', path: '/api/v1/me/sessions/{sessionId}', operationId: 'revokeMySession', tags, security: SIGNED_IN,
  summary: 'Fermer une de mes sessions',
  request: { params: z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/).openapi({ param: { name: 'sessionId', in: 'path' } }) }) },
  responses: { 204: { description: 'Session fermée' }, ...errors(401, 403, 404) },
});

export const revokeOtherSessions = createRoute({
  method: 'delete', path: '/api/v1/me/sessions', operationId: 'revokeMyOtherSessions', tags, security: SIGNED_IN,
  summary: 'Me déconnecter partout ailleurs',
  responses: { 204: { description: 'Autres sessions fermées' }, ...errors(401, 403) },
});

export const myTerritories = createRoute({
  method: 'get', path: '/api/v1/me/territories', operationId: 'listMyTerritories', tags, security: SIGNED_IN,
  summary: "Les territoires dont je suis membre (ou en attente d'acceptation)",
  responses: { 200: jsonResponse(z.object({ items: z.array(MyTerritory) }), 'Territoires'), ...errors(401) },
});
