export * from './enums.js';
export * from './regions.js';
export * from './schemas/common.js';
export * from './schemas/orgs.js';
export * from './schemas/auth.js';
export * from './taxonomy.js';
export * from './schemas/listings.js';
export * from './schemas/agreements.js';
