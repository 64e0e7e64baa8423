// The workload: each client loops until told to stop, publishing listings (with an
// Idempotency-Key), re-sending an acknowledged publication as a lost answer would, and
// editing a few shared "hot" listings with If-Match, so that editors collide. Every loop
// is bounded in count and in time; an operation retries until it gets a definite answer
// or the final deadline passes.
import { type Answer, type Member, newTally, pause, retryable, send as sendOnce, type Tally } from './clients';

export interface LoadOptions {
  base: string;
  slug: string;
  categoryId: string;
  members: Member[];
  /** Listings every client edits, to make concurrent edits of one listing. */
  hot: string[];
  /** Prefix of every title this load writes, to find its rows afterwards. */
  run: string;
  /** True once no new operation should start. */
  stopped(): boolean;
  /** No retry starts after this time (ms since epoch): bounds the end of the load. */
  finalDeadline: number;
  /** Deadline of each request (ANSWER_WITHIN_MS unless said otherwise). */
  answerWithinMs?: number;
}

export interface SentCreate {
  key: string;
  title: string;
  body: Record<string, unknown>;
  member: Member;
  /** The id acknowledged (201), or undefined if the client gave up. */
  id?: string;
}

export interface AckedUpdate {
  listingId: string;
  from: number;
  to: number;
  marker: string;
}

export interface LoadResult {
  tally: Tally;
  creates: SentCreate[];
  updates: AckedUpdate[];
  /** 412 on the first attempt: someone else won that version. */
  conflicts: number;
  /** Per hot listing, edits whose fate is unknown (an attempt got no definite answer, the retry 412). */
  ambiguous: Record<string, number>;
  replays: number;
  /** Re-sent publications whose answer was not the first one, replayed. */
  badReplays: string[];
}

const MAX_OPERATIONS_PER_CLIENT = 5_000;
const MAX_ATTEMPTS = 400;

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { tally: newTally(), creates: [], updates: [], conflicts: 0, ambiguous: {}, replays: 0, badReplays: [] };
  const { tally } = result;
  const listings = `/api/v1/territories/${options.slug}/listings`;
  const send: typeof sendOnce = (base, t, method, path, o = {}) => sendOnce(base, t, method, path, { withinMs: options.answerWithinMs, ...o });
  const unexpected = (what: string, a: Answer) => tally.unexpected.push(`${what}: ${a.status} ${JSON.stringify(a.body).slice(0, 300)}`);

  /** Sends until the answer is not worth retrying; null if the final deadline passed first. */
  async function untilDefinite(request: () => Promise<Answer>, onRetry?: (a: Answer) => void): Promise<Answer | null> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const answer = await request();
      if (!retryable(answer)) return answer;
      onRetry?.(answer);
      if (Date.now() > options.finalDeadline) return null;
      await pause(50 + Math.random() * 150 * Math.min(attempt, 5));
    }
    return null;
  }

  async function create(member: Member, client: number, n: number): Promise<SentCreate> {
    const key = crypto.randomUUID();
    const title = `${options.run} c${client} n${n}`;
    const body = {
      kind: n % 2 ? 'offer' : 'need',
      categoryId: options.categoryId,
      title,
      description: `Publication ${key}`,
      exchangeModes: n % 3 ? ['pret'] : ['don', 'mutualisation'],
      quantity: (n % 7) + 1,
      unit: 'palettes',
      visibility: 'members',
    };
    const sent: SentCreate = { key, title, body, member };
    result.creates.push(sent);
    const answer = await untilDefinite(() => send(options.base, tally, 'POST', listings, { token: member.token, body, headers: { 'idempotency-key': key } }));
    if (answer?.status === 201 && answer.body?.title === title) sent.id = answer.body.id;
    else if (answer) unexpected(`publish ${title}`, answer);
    return sent;
  }

  async function resend(sent: SentCreate) {
    const answer = await untilDefinite(() =>
      send(options.base, tally, 'POST', listings, { token: sent.member.token, body: sent.body, headers: { 'idempotency-key': sent.key } }),
    );
    if (!answer) return;
    result.replays += 1;
    if (answer.status !== 201 || answer.body?.id !== sent.id || answer.headers.get('idempotent-replayed') !== 'true') {
      result.badReplays.push(`${sent.title}: ${answer.status} ${answer.headers.get('idempotent-replayed')} ${answer.body?.id} ≠ ${sent.id}`);
    }
  }

  async function edit(member: Member, listingId: string, client: number, n: number) {
    const read = await untilDefinite(() => send(options.base, tally, 'GET', `${listings}/${listingId}`, { token: member.token }));
    if (!read) return;
    if (read.status !== 200) return unexpected(`read ${listingId}`, read);
    const version = Number(read.headers.get('etag')?.replaceAll('"', ''));
    const marker = `${options.run} c${client} e${n}`;
    let uncertain = false;
    const answer = await untilDefinite(
      () => send(options.base, tally, 'PATCH', `${listings}/${listingId}`, {
        token: member.token, body: { description: marker }, headers: { 'if-match': `"${version}"` },
      }),
      (a) => (uncertain ||= a.status !== 409),
    );
    if (answer?.status === 200) {
      result.updates.push({ listingId, from: version, to: Number(answer.headers.get('etag')?.replaceAll('"', '')), marker });
    } else if (answer?.status === 412 && answer.body?.code === 'version_mismatch') {
      if (uncertain) result.ambiguous[listingId] = (result.ambiguous[listingId] ?? 0) + 1;
      else result.conflicts += 1;
    } else if (!answer) {
      if (uncertain) result.ambiguous[listingId] = (result.ambiguous[listingId] ?? 0) + 1;
    } else unexpected(`edit ${listingId}`, answer);
  }

  await Promise.all(
    options.members.map(async (member, client) => {
      const mine: SentCreate[] = [];
      for (let n = 1; n <= MAX_OPERATIONS_PER_CLIENT && !options.stopped(); n++) {
        const dice = Math.random();
        if (dice < 0.35) {
          const sent = await create(member, client, n);
          if (sent.id) mine.push(sent);
        } else if (dice < 0.42 && mine.length > 0) {
          await resend(mine[Math.floor(Math.random() * mine.length)]);
        } else {
          await edit(member, options.hot[Math.floor(Math.random() * options.hot.length)], client, n);
        }
      }
    }),
  );
  return result;
}

/** One line for the test log: what the load did. */
export function summary(label: string, r: LoadResult, seconds: number, clients: number): string {
  const acked = r.creates.filter((c) => c.id).length;
  const s = r.tally.statuses;
  return (
    `${label}: ${clients} clients, ${seconds.toFixed(1)} s, ${r.tally.requests} requests (${(r.tally.requests / seconds).toFixed(0)}/s), ` +
    `statuses ${JSON.stringify(s)}; publications acknowledged ${acked}/${r.creates.length}, replays ${r.replays}, ` +
    `edits acknowledged ${r.updates.length}, conflicts (412) ${r.conflicts}, ambiguous edits ${Object.values(r.ambiguous).reduce((a, b) => a + b, 0)}, ` +
    `503s ${s[503] ?? 0}, slowest answer ${r.tally.slowestMs} ms`
  );
}
