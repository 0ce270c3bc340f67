export * from './errors.js';
export * from './severity.js';
export * from './finding.js';
export * from './counts.js';
export * from './sarif-writer.js';
export * from './summary.js';
export * from './files.js';
export * from './exceptions.js';
