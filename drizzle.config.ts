import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes SQL from schemas/db into infra/db/migrations.
// Roles, grants, policies and FORCE ROW LEVEL SECURITY live in the hand-written
// migrations of the same journal (drizzle-kit does not generate them).
export default defineConfig({
  dialect: 'postgresql',
  schema: './schemas/db/index.ts',
  out: './infra/db/migrations',
});
