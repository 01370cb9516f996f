export * from './ledger-store.js';
export * from './image-store.js';
