// Memberships (a person's belonging to a territory) and invitations.
import { z } from '@hono/zod-openapi';
import { MEMBERSHIP_ROLES, MEMBERSHIP_STATUSES } from '../db/enums';
import { Email, text, Timestamp } from './common';

export const MembershipRole = z.enum(MEMBERSHIP_ROLES);
export const MembershipStatus = z.enum(MEMBERSHIP_STATUSES);

export const JoinTerritoryBody = z
  .strictObject({
    acceptCharter: z.boolean().openapi({ description: 'Doit valoir `true` : la charte du territoire est acceptée.' }),
    message: text(2000).optional().openapi({ description: 'Quelques mots pour les animateurs qui valident les demandes' }),
  })
  .openapi('JoinTerritoryRequest');

export const DecisionBody = z
  .strictObject({ message: text(2000).optional().openapi({ description: 'Message transmis à la personne concernée' }) })
  .openapi('MembershipDecisionRequest');

export const UpdateMembershipBody = z
  .strictObject({
    role: MembershipRole.optional().openapi({ description: "Rôle d'un autre membre (administrateurs et animateurs)" }),
    organisationId: z.uuid().nullable().optional().openapi({ description: 'La structure que je représente (ma propre adhésion) ; null pour aucune' }),
  })
  .refine((b) => b.role !== undefined || b.organisationId !== undefined, { message: 'rien à modifier' })
  .openapi('UpdateMembershipRequest');

export const MembershipListQuery = z.strictObject({
  status: MembershipStatus.optional(),
  role: MembershipRole.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional().openapi({ description: 'Curseur renvoyé par la page précédente' }),
});

export const MembershipSchema = z
  .object({
    id: z.uuid(),
    user: z.object({
      id: z.uuid(),
      name: z.string(),
      email: z.string().optional().openapi({ description: 'Administrateurs et animateurs seulement' }),
    }),
    role: MembershipRole,
    status: MembershipStatus,
    organisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    message: z.string().optional().openapi({ description: 'Message de la demande (administrateurs, animateurs et la personne elle-même)' }),
    charterAcceptedAt: Timestamp.nullable(),
    decidedAt: Timestamp.nullable(),
    decisionMessage: z.string().nullable().optional().openapi({ description: 'Administrateurs, animateurs et la personne elle-même' }),
    createdAt: Timestamp,
  })
  .openapi('Membership');

export const MembershipPage = z
  .object({ items: z.array(MembershipSchema), nextCursor: z.string().nullable() })
  .openapi('MembershipPage');

export const CreateInvitationBody = z
  .strictObject({
    email: Email,
    role: MembershipRole.default('member'),
    message: text(2000).optional(),
  })
  .openapi('CreateInvitationRequest');

export const AcceptInvitationBody = z
  .strictObject({ token: z.string().regex(/^[a-z2-7]{16,64}$/, { message: 'jeton invalide' }) })
  .openapi('AcceptInvitationRequest');

export const InvitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: MembershipRole,
    message: z.string(),
    invitedBy: z.object({ membershipId: z.uuid(), name: z.string() }),
    createdAt: Timestamp,
    expiresAt: Timestamp,
    expired: z.boolean(),
  })
  .openapi('Invitation');

export const InvitationPage = z
  .object({ items: z.array(InvitationSchema), nextCursor: z.string().nullable() })
  .openapi('InvitationPage');
