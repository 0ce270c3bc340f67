import type { Command } from '../command.js';
import { gateCommand } from './gate.js';

/** Every subcommand, in the order `gatehouse --help` lists them. */
export const COMMANDS: Command[] = [gateCommand];
