// operationId → case generator, for every operation of the OpenAPI document. An
// operation missing here fails the suite (attack.test.ts): a new endpoint is attacked
// the day it appears, once someone says how.
import type { CaseGenerator } from '../probe';
import { accountCases } from './account';
import { conversationCases } from './conversations';
import { cooperationCases } from './cooperations';
import { listingCases } from './listings';
import { mapCases } from './map';
import { matchingCases } from './matching';
import { membershipCases } from './memberships';
import { notificationCases } from './notifications';
import { organisationCases } from './organisations';
import { territoryCases } from './territories';

export const CASES: Record<string, CaseGenerator> = {
  ...accountCases,
  ...territoryCases,
  ...membershipCases,
  ...organisationCases,
  ...listingCases,
  ...mapCases,
  ...matchingCases,
  ...conversationCases,
  ...cooperationCases,
  ...notificationCases,
};
