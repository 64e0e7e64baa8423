import type { Config } from '../config';
import type { Database } from '../db/client';
import type { Mailer } from '../mail/mailer';
import type { Logger } from './logger';

/** What every function receives at start-up. Created once per process, never per request. */
export interface Deps {
  config: Config;
  database: Database;
  mailer: Mailer;
  logger: Logger;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  locale: string;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    log: Logger;
    /** Set by the session middleware: the signed-in user, or null. */
    user: SessionUser | null;
    sessionId: string | null;
    authVia: 'cookie' | 'bearer' | null;
  };
}
