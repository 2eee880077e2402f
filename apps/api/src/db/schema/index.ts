export * from './orgs.js';
export * from './users.js';
export * from './events.js';
export * from './listings.js';
export * from './outbox.js';
export * from './matching.js';
export * from './agreements.js';
export * from './instruments.js';
