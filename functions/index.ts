// Every function of the API, for in-process use (npm start, the docs function, tests).
// A function's own bundle imports only its folder.
import auth from './auth';
import conversations from './conversations';
import cooperations from './cooperations';
import digests from './digests';
import docs from './docs';
import listings from './listings';
import map from './map';
import matching from './matching';
import memberships from './memberships';
import notifications from './notifications';
import organisations from './organisations';
import territories from './territories';
import type { FunctionDefinition } from './shared/http/function';

export const FUNCTIONS: FunctionDefinition[] = [
  auth,
  territories,
  memberships,
  organisations,
  listings,
  conversations,
  cooperations,
  matching,
  map,
  notifications,
  digests,
  docs,
];
