import { describe, expect, it } from 'vitest';
import { problemBody } from './problems';

describe('problem bodies', () => {
  it('keep RFC 9457 members whatever extra members an error carries', () => {
    const body = problemBody(409, 'already_member', 'Vous êtes déjà membre.', { status: 'active', code: 'x', type: 'y', detail: 'z', title: 't', membershipStatus: 'active' });
    expect(body).toEqual({
      type: 'https://soliterr.org/problems/already_member',
      title: 'Conflict',
      status: 409,
      code: 'already_member',
      detail: 'Vous êtes déjà membre.',
      membershipStatus: 'active',
    });
  });
});
