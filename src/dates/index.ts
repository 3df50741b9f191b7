export * from './calendar.js';
export * from './prose.js';
