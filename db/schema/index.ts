export * from './cases';
export * from './outbox';
export * from './places';
export * from './rate-limits';
export * from './vocabulary';
export * from './sectors';
export * from './users';
export * from './companies';
