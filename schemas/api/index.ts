export * from './common';
export * from './auth';
export * from './territories';
export * from './memberships';
export * from './organisations';
export * from './listings';
export * from './instance';
export * from './conversations';
