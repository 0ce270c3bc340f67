import {
  AND,
  BLOCK,
  BR,
  BR_IF,
  emitter,
  END,
  EQ,
  EQZ,
  GE_U,
  IF,
  LOOP,
  LT_U,
  NE,
  OR,
  RETURN,
  SUB,
  VOID,
} from './wasm-assembler.js';
import type { HitCheck } from './rules/types.js';

/**
 * Hit checks the kernel can run itself, before a hit ever reaches JavaScript: a state whose every
 * pattern is a keyword whose every rule has one of these checks is reported only when it passes.
 * Each mirrors a JavaScript check of the rules (rules/types.ts, rules/generic.ts) exactly; a
 * check says which one it is with `inKernel`.
 */
export const FollowKind = { none: 0, urlCredentials: 1, assignment: 2 } as const;

/** The kernel's code for a rule's hit check (none when the kernel cannot run it). */
export function followKindOf(check: HitCheck | undefined): number {
  if (check?.inKernel === 'url-credentials') return FollowKind.urlCredentials;
  if (check?.inKernel === 'assignment') return FollowKind.assignment;
  return FollowKind.none;
}

const NAME = 1;
const DOT = 2;
const QUOTE_OR_SPACE = 4;
const OPERATOR = 8;
const URL_STOP = 16;

/** Bits per byte for `follows`: name characters, quotes and spaces, operators, URL stops. */
export function followClassTable(): Uint8Array {
  const table = new Uint8Array(256);
  const mark = (bit: number, chars: string): void => {
    for (const c of chars) table[c.charCodeAt(0)]! |= bit;
  };
  for (let c = 0; c < 256; c++) {
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (alnum) table[c]! |= NAME;
    // `\s` of a JavaScript regex, in latin1.
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0) table[c]! |= QUOTE_OR_SPACE | URL_STOP;
  }
  mark(NAME, '_.-');
  mark(DOT, '.');
  mark(QUOTE_OR_SPACE, '\'"`]');
  mark(OPERATOR, ':?.|=,!');
  mark(URL_STOP, '@/\'"');
  return table;
}

/**
 * follows(at, stop, kind) → 1 when the bytes from `at` (up to `stop`) pass the check `kind`:
 * urlCredentials is URL_CREDENTIALS_FOLLOW ([^\s:@/'"]+:[^\s@/'"]{3,}@), assignment is
 * ASSIGNMENT_FOLLOWS ([\w.-]*['"`\]\s]*[:?.|=,!]).
 */
export function followFunctionBody(classTable: number): number[] {
  const [AT, STOP, KIND] = [0, 1, 2];
  const [C, Q] = [3, 4];
  const { op, get, set, tee, constant, load8, increment, body } = emitter();
  const classOf = (local: number): void => {
    get(local);
    load8(0);
    load8(classTable);
  };
  const returnIf = (value: number): void => {
    op(IF, VOID);
    constant(value);
    op(RETURN);
    op(END);
  };
  // Advances `local` until STOP, or until `stop` (emitted with the byte at `local` in reach) says so.
  const advance = (local: number, stop: () => void): void => {
    op(BLOCK, VOID);
    op(LOOP, VOID);
    get(local);
    get(STOP);
    op(GE_U);
    op(BR_IF, 1);
    stop();
    op(BR_IF, 1);
    increment(local);
    op(BR, 0);
    op(END);
    op(END);
  };
  // Advances `local` while its byte has one of `bits`.
  const skip = (local: number, bits: number): void =>
    advance(local, () => {
      classOf(local);
      constant(bits);
      op(AND);
      op(EQZ);
    });
  // Advances `local` while its byte is not `byte` and has none of `bits`.
  const skipUntil = (local: number, bits: number, byte: number): void =>
    advance(local, () => {
      get(local);
      load8(0);
      constant(byte);
      op(EQ);
      classOf(local);
      constant(bits);
      op(AND);
      op(OR);
    });
  // The byte at `local` is `byte`, and `local` is before STOP.
  const byteIs = (local: number, byte: number): void => {
    get(local);
    get(STOP);
    op(LT_U);
    get(local);
    load8(0);
    constant(byte);
    op(EQ);
    op(AND);
  };

  get(KIND);
  constant(FollowKind.urlCredentials);
  op(EQ);
  op(IF, VOID);
  // The user: up to a colon, at least one byte.
  get(AT);
  set(Q);
  skipUntil(Q, URL_STOP, 58);
  get(Q);
  get(AT);
  op(EQ);
  returnIf(0);
  byteIs(Q, 58);
  op(EQZ);
  returnIf(0);
  // The password: three bytes or more, then an at sign.
  increment(Q);
  get(Q);
  set(AT);
  skipUntil(Q, URL_STOP, 64);
  get(Q);
  get(AT);
  op(SUB);
  constant(3);
  op(GE_U);
  byteIs(Q, 64);
  op(AND);
  op(RETURN);
  op(END);

  // An assignment: name characters (a dot among them is an operator already), quotes and spaces,
  // then an operator.
  op(BLOCK, VOID);
  op(LOOP, VOID);
  get(AT);
  get(STOP);
  op(GE_U);
  op(BR_IF, 1);
  classOf(AT);
  tee(C);
  constant(NAME);
  op(AND);
  op(EQZ);
  op(BR_IF, 1);
  get(C);
  constant(DOT);
  op(AND);
  returnIf(1);
  increment(AT);
  op(BR, 0);
  op(END);
  op(END);
  skip(AT, QUOTE_OR_SPACE);
  get(AT);
  get(STOP);
  op(LT_U);
  op(IF, VOID);
  classOf(AT);
  constant(OPERATOR);
  op(AND);
  constant(0);
  op(NE);
  op(RETURN);
  op(END);
  constant(0);
  return body(2);
}
