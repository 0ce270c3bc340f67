export * from './gate.js';
export * from './outputs.js';
