// Memberships and invitations: B's membership, invitation ids and tokens under A's slug,
// A's powers (admin, facilitator) used on B's slug, and P's slug.
import type { World } from '../world';
import { type Attempt, type CaseGenerator, cursorOf, onB, onP, plain, probe, ref } from '../probe';

/** approve, reject and suspend: the same attempts on the memberships each one acts on. */
function decision(targets: (w: World) => string[]): CaseGenerator {
  return (w) => {
    const body = { message: 'Décision détournée' };
    const attempts: Attempt[] = [];
    for (const target of targets(w)) {
      attempts.push(
        probe("B's slug, a membership of B", { id: ref.uuid(target) }, ({ id }) => ({ params: { slug: w.B.slug, membershipId: id }, body }), {
          legitForMembersOfB: false,
        }),
        probe("A's slug, a membership of B", { id: ref.uuid(target) }, ({ id }) => ({ params: { slug: w.A.slug, membershipId: id }, body })),
      );
    }
    attempts.push(onP(w, (slug) => ({ params: { slug, membershipId: w.P.membership }, body })));
    return attempts;
  };
}

export const membershipCases: Record<string, CaseGenerator> = {
  // B takes members by invitation only now: asking to join is refused.
  joinTerritory: (w) => [
    onB(w, (slug) => ({ params: { slug }, body: { acceptCharter: true, message: 'Bonjour' } }), { legitForMembersOfB: false }),
    onP(w, (slug) => ({ params: { slug }, body: { acceptCharter: true } })),
  ],
  listMemberships: (w) => [
    onB(w, (slug) => ({ params: { slug }, query: { limit: '1' } })),
    onB(w, (slug) => ({ params: { slug }, query: { status: 'pending' } }), { legitForMembersOfB: false }),
    onP(w, (slug) => ({ params: { slug } })),
    plain("A's slug, a cursor forged from B's pending request", {
      params: { slug: w.A.slug },
      query: { limit: '1', cursor: cursorOf([w.B.membershipCreatedAt, w.B.membershipPending]) },
    }),
  ],
  getMyMembership: (w) => [onB(w, (slug) => ({ params: { slug } })), onP(w, (slug) => ({ params: { slug } }))],
  leaveTerritory: (w) => [onB(w, (slug) => ({ params: { slug } })), onP(w, (slug) => ({ params: { slug } }))],
  approveMembership: decision((w) => [w.B.membershipPending, w.B.membershipSuspended]),
  rejectMembership: decision((w) => [w.B.membershipPending]),
  suspendMembership: decision((w) => [w.B.membershipMember, w.B.membershipAdmin]),
  updateMembership: (w, c) => [
    probe("B's slug, B's member made admin", { id: ref.uuid(w.B.membershipMember) }, ({ id }) => ({
      params: { slug: w.B.slug, membershipId: id },
      body: { role: 'admin' },
    }), { legitForMembersOfB: false }),
    probe("B's slug, B's member regrafted", { id: ref.uuid(w.B.membershipMember) }, ({ id }) => ({
      params: { slug: w.B.slug, membershipId: id },
      body: { organisationId: w.B.organisationSecret },
    }), { legitForMembersOfB: false }),
    probe("A's slug, B's pending request made facilitator", { id: ref.uuid(w.B.membershipPending) }, ({ id }) => ({
      params: { slug: w.A.slug, membershipId: id },
      body: { role: 'facilitator' },
    })),
    probe("A's slug, my membership representing B's organisation", { org: ref.uuid(w.B.organisationPublic) }, ({ org }) => ({
      params: { slug: w.A.slug, membershipId: c.membershipA ?? w.B.membershipMember },
      body: { organisationId: org },
    })),
    onP(w, (slug) => ({ params: { slug, membershipId: w.P.membership }, body: { role: 'member' } })),
  ],
  createInvitation: (w) => [
    onB(w, (slug) => ({ params: { slug }, body: { email: 'complice@example.fr', role: 'admin' } }), { legitForMembersOfB: false }),
    onP(w, (slug) => ({ params: { slug }, body: { email: 'complice@example.fr', role: 'admin' } })),
    // Inviting B's member into A is A's business; the answer must say nothing of B.
    plain("A's slug, B's member's email", { params: { slug: w.A.slug }, body: { email: w.B.memberEmail, role: 'member' } }),
  ],
  listInvitations: (w) => [
    onB(w, (slug) => ({ params: { slug } }), { legitForMembersOfB: false }),
    onP(w, (slug) => ({ params: { slug } })),
    plain("A's slug, a cursor forged from B's invitation", {
      params: { slug: w.A.slug },
      query: { limit: '1', cursor: cursorOf([w.B.invitationCreatedAt, w.B.invitation]) },
    }),
  ],
  acceptInvitation: (w) => [
    probe("A's slug, B's invitation token", { token: ref.token(w.B.invitationToken) }, ({ token }) => ({ params: { slug: w.A.slug }, body: { token } })),
    probe("B's slug, A's invitation token", { token: ref.token(w.A.invitationToken) }, ({ token }) => ({ params: { slug: w.B.slug }, body: { token } }), {
      legitForMembersOfB: false,
    }),
    probe("B's slug, P's invitation token", { token: ref.token(w.P.invitationToken) }, ({ token }) => ({ params: { slug: w.B.slug }, body: { token } }), {
      legitForMembersOfB: false,
    }),
    probe("P's slug, B's invitation token", { slug: ref.slug(w.P.slug) }, ({ slug }) => ({ params: { slug }, body: { token: w.B.invitationToken } })),
  ],
  revokeInvitation: (w) => [
    probe("B's slug, B's invitation", { id: ref.uuid(w.B.invitation) }, ({ id }) => ({ params: { slug: w.B.slug, invitationId: id } }), {
      legitForMembersOfB: false,
    }),
    probe("A's slug, B's invitation", { id: ref.uuid(w.B.invitation) }, ({ id }) => ({ params: { slug: w.A.slug, invitationId: id } })),
    onP(w, (slug) => ({ params: { slug, invitationId: w.B.invitation } })),
  ],
};
