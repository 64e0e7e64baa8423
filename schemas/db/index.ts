export * from './enums';
export * from './accounts';
export * from './territories';
export * from './organisations';
export * from './listings';
export * from './defaults';
export * from './idempotency';
