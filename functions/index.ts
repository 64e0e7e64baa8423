// Every function of the API, for in-process use (npm start, the docs function, tests).
// A function's own bundle imports only its folder.
import auth from './auth';
import docs from './docs';
import listings from './listings';
import memberships from './memberships';
import organisations from './organisations';
import territories from './territories';
import type { FunctionDefinition } from './shared/http/function';

export const FUNCTIONS: FunctionDefinition[] = [auth, territories, memberships, organisations, listings, docs];
