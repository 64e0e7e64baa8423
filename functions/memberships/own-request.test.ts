import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../tests/support/database';
import { createTestApi, type TestApi } from '../../tests/support/harness';

// The site's waiting page quotes the request back to the person who wrote it; other
// members never read it (only admins and facilitators, who decide).
describe.each(DATABASE_KINDS)('the message of a membership request on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi(kind, { RATE_LIMIT_DISABLED: 'true' });
  });
  afterAll(() => api?.close());

  it('is shown to the person who asked and to moderators, never to other members', async () => {
    const admin = await api.signUp('Sophie Admin');
    const t = await api.createTerritory(admin, { membershipPolicy: 'approval' });
    const base = `/api/v1/territories/${t.slug}/memberships`;
    const message = 'Je lance une conserverie à Tournay.';

    const asker = await api.signUp('Lucas Conserverie');
    const joined = await api.call('POST', base, { token: asker.token, body: { acceptCharter: true, message } });
    expect(joined.status).toBe(201);
    expect(joined.body.message).toBe(message);
    const mine = await api.call('GET', `${base}/me`, { token: asker.token });
    expect(mine.body).toMatchObject({ status: 'pending', message });

    const other = await api.signUp('Marie Voisine');
    const request = await api.call('POST', base, { token: other.token, body: { acceptCharter: true, message: 'Bonjour' } });
    expect((await api.call('POST', `${base}/${request.body.id}/approve`, { token: admin.token })).status).toBe(200);
    const seen = await api.call('GET', base, { token: other.token });
    expect(seen.status).toBe(200);
    for (const item of seen.body.items) if (item.user.id !== other.id) expect(item).not.toHaveProperty('message');
    const queue = await api.call('GET', `${base}?status=pending`, { token: admin.token });
    expect(queue.body.items.find((m: { id: string }) => m.id === joined.body.id)?.message).toBe(message);
  });
});
