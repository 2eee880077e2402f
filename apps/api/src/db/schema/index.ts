export * from './orgs.js';
export * from './users.js';
export * from './events.js';
