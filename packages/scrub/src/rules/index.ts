import { CLOUD_RULES } from './cloud.js';
import { GENERIC_RULES } from './generic.js';
import { PAYMENT_CHAT_RULES } from './payments-chat.js';
import { REGISTRY_AI_RULES } from './registries-ai.js';
import { MONITORING_DATABASE_RULES } from './monitoring.js';
import { SAAS_RULES } from './saas.js';
import type { SecretRule } from './types.js';
import { VCS_CI_RULES } from './vcs-ci.js';

export type { SecretRule, RuleSeverity, PlaceholderCheck } from './types.js';
export { PRIVATE_KEY_BEGIN } from './generic.js';

/** Every built-in detector: specific formats first, generic assignments last. */
export const BUILTIN_RULES: readonly SecretRule[] = [
  ...CLOUD_RULES,
  ...VCS_CI_RULES,
  ...REGISTRY_AI_RULES,
  ...PAYMENT_CHAT_RULES,
  ...MONITORING_DATABASE_RULES,
  ...SAAS_RULES,
  ...GENERIC_RULES,
];
