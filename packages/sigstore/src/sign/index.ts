export * from './oidc.js';
export * from './sign.js';
export * from './signers.js';
export * from './signing-config.js';
