import { HEX_VALUE, BASE64_VALUE } from './encoded-runs.js';
import {
  ADD,
  AND,
  BLOCK,
  BR,
  BR_IF,
  ELSE,
  emitter,
  END,
  EQ,
  EQZ,
  GE_S,
  GE_U,
  GT_S,
  IF,
  LOOP,
  LT_U,
  MUL,
  OR,
  RETURN,
  SELECT,
  SHL,
  SHR_U,
  SUB,
  VOID,
} from './wasm-assembler.js';

/** Where the kernel keeps the tables this function reads (256 bytes each). */
export interface TextCheckTables {
  hex: number;
  base64: number;
  text: number;
}

/** The three tables: hex digit values, base64 values (255 when not base64), and 1 for a text byte. */
export function textCheckTables(): { hex: Uint8Array; base64: Uint8Array; text: Uint8Array } {
  const text = new Uint8Array(256);
  for (let byte = 0; byte < 256; byte++)
    text[byte] = (byte >= 0x20 && byte < 0x7f) || byte === 9 || byte === 10 || byte === 13 ? 1 : 0;
  return { hex: Uint8Array.from(HEX_VALUE), base64: Uint8Array.from(BASE64_VALUE, (v) => (v < 0 ? 255 : v)), text };
}

/**
 * looksLikeText(start, end, hex) → 1 when, at one of the alignments the scanner tries (two for hex,
 * four for base64), the run reads as text by the exact rules of hexLooksLikeText and
 * base64LooksLikeText; else 0. Runs that fail are not worth handing to JavaScript.
 */
export function textCheckBody(tables: TextCheckTables): number[] {
  const [START, STOP, HEX] = [0, 1, 2];
  const [OFFSET, FROM, TOTAL, OTHER, COUNT, BITS, BUFFER, BYTE, I, VALUE] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const { op, get, set, tee, constant, load8, increment, body } = emitter();
  // BYTE is not text: if (++other > 1 + (count >> 2)) give up on this alignment.
  const countOther = (failDepth: number): void => {
    get(BYTE);
    load8(tables.text);
    op(EQZ);
    op(IF, VOID);
    increment(OTHER);
    get(OTHER);
    constant(1);
    get(COUNT);
    constant(2);
    op(SHR_U);
    op(ADD);
    op(GT_S);
    op(BR_IF, failDepth + 1);
    op(END);
  };
  // TOTAL = min(limit, TOTAL)
  const atMost = (limit: number): void => {
    constant(limit);
    get(TOTAL);
    get(TOTAL);
    constant(limit);
    op(GT_S);
    op(SELECT);
    set(TOTAL);
  };

  op(LOOP, VOID); // $alignment
  get(START);
  get(OFFSET);
  op(ADD);
  set(FROM);
  constant(0);
  set(OTHER);
  constant(0);
  set(COUNT);
  op(BLOCK, VOID); // $fail
  get(HEX);
  op(IF, VOID);
  get(STOP);
  get(FROM);
  op(SUB);
  constant(1);
  op(SHR_U);
  set(TOTAL);
  atMost(32);
  op(BLOCK, VOID);
  op(LOOP, VOID);
  get(COUNT);
  get(TOTAL);
  op(GE_S);
  op(BR_IF, 1);
  get(FROM);
  get(COUNT);
  constant(1);
  op(SHL);
  op(ADD);
  tee(I);
  load8(0);
  load8(tables.hex);
  constant(4);
  op(SHL);
  get(I);
  load8(1);
  load8(tables.hex);
  op(OR);
  set(BYTE);
  countOther(3); // if, loop, block, if → $fail
  increment(COUNT);
  op(BR, 0);
  op(END);
  op(END);
  op(ELSE);
  get(STOP);
  get(FROM);
  op(SUB);
  constant(6);
  op(MUL);
  constant(3);
  op(SHR_U);
  set(TOTAL);
  atMost(24);
  constant(0);
  set(BITS);
  constant(0);
  set(BUFFER);
  get(FROM);
  set(I);
  op(BLOCK, VOID);
  op(LOOP, VOID);
  get(I);
  get(STOP);
  op(GE_U);
  get(COUNT);
  get(TOTAL);
  op(GE_S);
  op(OR);
  op(BR_IF, 1);
  get(I);
  load8(0);
  load8(tables.base64);
  tee(VALUE);
  constant(255);
  op(EQ);
  op(BR_IF, 3); // not base64 → $fail
  get(BUFFER);
  constant(6);
  op(SHL);
  get(VALUE);
  op(OR);
  set(BUFFER);
  increment(BITS, 6);
  get(BITS);
  constant(8);
  op(GE_S);
  op(IF, VOID);
  increment(BITS, -8);
  get(BUFFER);
  get(BITS);
  op(SHR_U);
  constant(0xff);
  op(AND);
  set(BYTE);
  countOther(4); // if, if, loop, block, if → $fail
  increment(COUNT);
  op(END);
  increment(I);
  op(BR, 0);
  op(END);
  op(END);
  op(END);
  // total >= 8 && other <= total >> 2
  get(TOTAL);
  constant(8);
  op(GE_S);
  get(OTHER);
  get(TOTAL);
  constant(2);
  op(SHR_U);
  op(GT_S);
  op(EQZ);
  op(AND);
  op(IF, VOID);
  constant(1);
  op(RETURN);
  op(END);
  op(END); // $fail
  increment(OFFSET);
  get(OFFSET);
  constant(2);
  constant(4);
  get(HEX);
  op(SELECT);
  op(LT_U);
  op(BR_IF, 0); // → $alignment
  op(END);
  constant(0);
  return body(10);
}
