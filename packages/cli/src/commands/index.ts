import type { Command } from '../command.js';
import { auditCommand } from './audit.js';
import { gateCommand } from './gate.js';
import { pinCommand } from './pin.js';
import { scrubCommand } from './scrub.js';
import { signCommand } from './sign.js';
import { verifyCommand } from './verify.js';

/** Every subcommand, in the order `gatehouse --help` lists them. */
export const COMMANDS: Command[] = [auditCommand, gateCommand, pinCommand, scrubCommand, signCommand, verifyCommand];
