// The only module that reads process.env. Parsed once with zod; everything else
// receives a typed Config.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const booleanish = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** of-watchdog gives the function process its port in http_port. */
  http_port: z.coerce.number().int().min(1).max(65535).optional(),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().optional(),
  /** Owner connection for migrations and the demo seed; defaults to DATABASE_URL. */
  MIGRATION_DATABASE_URL: z.string().optional(),
  /** Where OpenFaaS mounts secrets; DATABASE_URL is read from a file there when unset. */
  SECRETS_DIR: z.string().default('/var/openfaas/secrets'),
  DATA_DIR: z.string().default('.data'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('SoliTERR <no-reply@soliterr.localhost>'),
  OUTBOX_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(64 * 1024),
  SESSION_DAYS: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_DISABLED: booleanish,
  HOSTING_OPERATOR: z.string().default('Instance locale de démonstration'),
  HOSTING_LOCATION: z.string().default('Cette machine'),
  /** Where logos are kept: a folder under DATA_DIR (default) or an S3-compatible bucket. */
  OBJECT_STORAGE: z.enum(['filesystem', 's3']).default('filesystem'),
  OBJECTS_DIR: z.string().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('fr-par'),
  S3_BUCKET: z.string().optional(),
  S3_FORCE_PATH_STYLE: booleanish,
  /** Read from the secret files s3-access-key-id / s3-secret-access-key when unset. */
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Map tiles: {z}/{x}/{y} template (one host, no {s}: the site's CSP allows exactly it), and its attribution. */
  MAP_TILE_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\/[^/{}]+\//.test(u) && ['{z}', '{x}', '{y}'].every((p) => u.includes(p)), {
      message: 'an http(s) URL on one host with {z}, {x} and {y}',
    })
    .default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  MAP_TILE_ATTRIBUTION: z.string().min(1).default('© les contributeurs d’OpenStreetMap'),
  MAP_TILE_ATTRIBUTION_URL: z.string().url().default('https://www.openstreetmap.org/copyright'),
  /** The national address base (BAN) asked for communes outside the built-in list; empty = never asked. */
  GEOCODER_URL: z.union([z.literal(''), z.string().url()]).default('https://api-adresse.data.gouv.fr'),
  GEOCODER_TIMEOUT_MS: z.coerce.number().int().positive().default(2000),
});

export type Config = Omit<z.infer<typeof ConfigSchema>, 'http_port' | 'PORT' | 'PUBLIC_URL'> & {
  PORT: number;
  PUBLIC_URL: string;
  production: boolean;
};

function readSecret(dir: string, name: string): string | undefined {
  try {
    return readFileSync(`${dir}/${name}`, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const { http_port, ...c } = parsed.data;
  const port = http_port ?? c.PORT;
  return {
    ...c,
    PORT: port,
    PUBLIC_URL: (c.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    DATABASE_URL: c.DATABASE_URL ?? readSecret(c.SECRETS_DIR, 'database-url'),
    SMTP_URL: c.SMTP_URL ?? readSecret(c.SECRETS_DIR, 'smtp-url'),
    S3_ACCESS_KEY_ID: c.S3_ACCESS_KEY_ID ?? readSecret(c.SECRETS_DIR, 's3-access-key-id'),
    S3_SECRET_ACCESS_KEY: c.S3_SECRET_ACCESS_KEY ?? readSecret(c.SECRETS_DIR, 's3-secret-access-key'),
    production: c.NODE_ENV === 'production',
  };
}
