// The whole API in one test process: every function built on the real database of the
// run, behind the in-process gateway, mailing to a real SMTP server.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FUNCTIONS } from '../../functions';
import { loadConfig } from '../../functions/shared/config';
import type { Deps } from '../../functions/shared/http/deps';
import { buildFunction } from '../../functions/shared/http/function';
import { createLogger } from '../../functions/shared/http/logger';
import { createMailer } from '../../functions/shared/mail/mailer';
import { createGateway } from '../../infra/gateway/gateway';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './database';
import { type Mailbox, startMailbox } from './mailbox';

export const ORIGIN = 'http://soliterr.test';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
  /** Raw body sent as is (a string is sent as UTF-8; bytes exactly), with the given content-type header. */
  raw?: string | Uint8Array;
  /** A 5xx answer fails the test unless the test expects one (fault tests). */
  allowServerError?: boolean;
}

export interface TestApi {
  kind: DatabaseKind;
  db: TestDatabase;
  deps: Deps;
  mailbox: Mailbox;
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<ApiResponse<T>>;
  /** Registers a new person and returns their token. */
  signUp(name?: string): Promise<TestUser>;
  /** Creates a territory whose first admin is `admin`; returns the territory as the API gives it. */
  createTerritory(admin: TestUser, territory?: Record<string, unknown>): Promise<any>;
  close(): Promise<void>;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  name: string;
  token: string;
}

let counter = 0;

export async function createTestApi(kind: DatabaseKind, env: Record<string, string> = {}): Promise<TestApi> {
  const db = await createTestDatabase(kind);
  const mailbox = await startMailbox();
  const config = loadConfig({
    NODE_ENV: 'test',
    PUBLIC_URL: ORIGIN,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SMTP_URL: mailbox.url,
    SECRETS_DIR: '/nonexistent',
    // Logos go to a folder of the machine's temporary directory, never into the repository.
    OBJECTS_DIR: join(tmpdir(), 'soliterr-test-objects'),
    // Never the real national address base: a test that needs it starts its own.
    GEOCODER_URL: '',
    ...env,
  } as NodeJS.ProcessEnv);
  const logger = createLogger(config.LOG_LEVEL);
  const deps: Deps = {
    config,
    database: db.database,
    logger,
    mailer: createMailer({ smtpUrl: mailbox.url, from: config.MAIL_FROM, logger }),
  };
  const upstreams = Object.fromEntries(
    FUNCTIONS.map((def) => {
      const app = buildFunction(def, deps);
      return [def.name, (req: Request) => app.fetch(req)];
    }),
  );
  const gateway = createGateway(upstreams);
  const ip = `10.${(process.pid % 250) + 1}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

  const call: TestApi['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { 'x-forwarded-for': ip, ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | Uint8Array | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await gateway.fetch(new Request(`${ORIGIN}${path}`, { method, headers, body }));
    const text = await res.text();
    if (res.status >= 500 && !options.allowServerError) {
      throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
    }
    let parsed: unknown = text;
    if (text && /json/.test(res.headers.get('content-type') ?? '')) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as any };
  };

  return {
    kind,
    db,
    deps,
    mailbox,
    call,
    async signUp(name = 'Camille Martin') {
      counter += 1;
      const email = `person${counter}.${Math.random().toString(36).slice(2, 8)}@example.fr`;
      const password = 'mot de passe solide';
      const res = await call('POST', '/api/v1/auth/register', { body: { email, password, name } });
      if (res.status !== 201) throw new Error(`signUp failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { id: res.body.user.id, email, password, name, token: res.body.token };
    },
    async createTerritory(admin, territory = {}) {
      counter += 1;
      const slug = `territoire-${counter}-${Math.random().toString(36).slice(2, 8)}`;
      const res = await call('POST', '/api/v1/territories', {
        token: admin.token,
        body: { territory: { slug, name: `Territoire ${counter}`, ...territory } },
      });
      if (res.status !== 201) throw new Error(`createTerritory failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.territory;
    },
    async close() {
      await mailbox.close();
      await db.drop();
    },
  };
}
