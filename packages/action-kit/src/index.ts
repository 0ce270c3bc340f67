export * from './inputs.js';
export * from './runner.js';
