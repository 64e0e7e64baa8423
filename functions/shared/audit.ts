// The audit log of admin and facilitator actions. Written in the same transaction as the
// action itself, so a decision and its trace are stored together or not at all.
import { auditLog } from '../../schemas/db';
import type { Scope } from './db/tenant';

export async function recordAudit(
  scope: Scope & { territoryId: string },
  entry: { action: string; targetType: string; targetId?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await scope.tx.insert(auditLog).values({
    territoryId: scope.territoryId,
    actorUserId: scope.userId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
  });
}
