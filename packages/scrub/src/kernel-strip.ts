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
  GE_U,
  GT_U,
  I64_AND,
  I64_CTZ,
  I64_EQZ,
  I64_SUB,
  I64_XOR,
  IF,
  LE_U,
  LOOP,
  LT_S,
  LT_U,
  NE,
  SHL,
  SHR_U,
  SUB,
  VOID,
  WRAP_I64,
} from './wasm-assembler.js';

const ESC = 0x1b;

/**
 * strip(in, len, segments) → visible length: removes terminal escape sequences from the bytes at
 * `in`, in place, exactly as `stripAnsi` (ansi.ts) does for a string, and writes the (visible
 * offset, original offset) pair that starts each visible run after an escape to `segments`; their
 * count goes to `countAddress`. Escapes are found eight bytes at a time (a byte equal to ESC becomes
 * a zero byte under XOR, and the lowest zero byte of a word is found exactly with the borrow trick);
 * the visible runs between them move down with memory.copy.
 */
export function stripFunctionBody(countAddress: number): number[] {
  const [IN, LENGTH, SEGMENTS] = [0, 1, 2];
  const [R, W, E, STOP, COUNT, J, C, L] = [3, 4, 5, 6, 7, 8, 9, 10];
  const WORD = 11; // i64
  const { op, get, set, tee, constant, constant64, load8, load64, store32, increment, copy, body } = emitter();

  // Moves [R, upTo) down to W (when anything was removed before it) and advances W.
  const moveRun = (upTo: () => void): void => {
    get(W);
    get(R);
    op(NE);
    op(IF, VOID);
    get(W);
    get(R);
    upTo();
    get(R);
    op(SUB);
    copy();
    op(END);
    get(W);
    upTo();
    get(R);
    op(SUB);
    op(ADD);
    set(W);
  };
  // segments[COUNT] = (W - IN, R - IN); COUNT++
  const recordSegment = (): void => {
    get(SEGMENTS);
    get(COUNT);
    constant(3);
    op(SHL);
    op(ADD);
    tee(J);
    get(W);
    get(IN);
    op(SUB);
    store32(0);
    get(J);
    get(R);
    get(IN);
    op(SUB);
    store32(4);
    increment(COUNT);
  };

  // Opens block + loop over J from E + 2, leaving both when J reaches STOP.
  const scanFromE2 = (): void => {
    get(E);
    constant(2);
    op(ADD);
    set(J);
    op(BLOCK, VOID);
    op(LOOP, VOID);
    get(J);
    get(STOP);
    op(GE_U);
    op(BR_IF, 1);
  };

  get(IN);
  get(LENGTH);
  op(ADD);
  set(STOP);
  get(IN);
  set(R);
  get(IN);
  set(W);
  op(BLOCK, VOID); // $done
  op(LOOP, VOID); // $next: find the next ESC from R
  get(R);
  set(E);
  op(BLOCK, VOID); // $found
  op(BLOCK, VOID); // $bytes
  op(LOOP, VOID); // eight bytes at a time
  get(E);
  constant(8);
  op(ADD);
  get(STOP);
  op(GT_U);
  op(BR_IF, 1); // → $bytes
  get(E);
  load64(0);
  constant64(0x1b1b1b1b1b1b1b1bn);
  op(I64_XOR);
  set(WORD);
  get(WORD);
  constant64(0x0101010101010101n);
  op(I64_SUB);
  get(WORD);
  constant64(-1n);
  op(I64_XOR);
  op(I64_AND);
  constant64(-0x7f7f7f7f7f7f7f80n); // 0x8080808080808080
  op(I64_AND);
  set(WORD);
  get(WORD);
  op(I64_EQZ);
  op(IF, VOID);
  increment(E, 8);
  op(BR, 1); // → eight bytes
  op(END);
  get(E);
  get(WORD);
  op(I64_CTZ);
  op(WRAP_I64);
  constant(3);
  op(SHR_U);
  op(ADD);
  set(E);
  op(BR, 2); // → $found
  op(END);
  op(END);
  op(LOOP, VOID); // the last bytes one at a time
  get(E);
  get(STOP);
  op(GE_U);
  op(IF, VOID);
  // No escape left: the rest is visible.
  moveRun(() => get(STOP));
  op(BR, 4); // → $done
  op(END);
  get(E);
  load8(0);
  constant(ESC);
  op(EQ);
  op(BR_IF, 1); // → $found
  increment(E);
  op(BR, 0);
  op(END);
  op(END); // $found: the escape starts at E
  moveRun(() => get(E));

  // L = length of the escape at E, or -1 when it is incomplete (see escapeLength in ansi.ts).
  constant(2);
  set(L);
  get(E);
  constant(1);
  op(ADD);
  get(STOP);
  op(GE_U);
  op(IF, VOID);
  constant(-1);
  set(L);
  op(ELSE);
  get(E);
  load8(1);
  tee(C);
  constant(0x5b);
  op(EQ);
  op(IF, VOID);
  // CSI: parameters and intermediates 0x20–0x3F, then a final byte 0x40–0x7E.
  scanFromE2();
  get(J);
  load8(0);
  constant(0x20);
  op(SUB);
  constant(0x1f);
  op(GT_U);
  op(BR_IF, 1);
  increment(J);
  op(BR, 0);
  op(END);
  op(END);
  get(J);
  get(STOP);
  op(GE_U);
  op(IF, VOID);
  constant(-1);
  set(L);
  op(ELSE);
  get(J);
  get(E);
  op(SUB);
  get(J);
  load8(0);
  constant(0x40);
  op(SUB);
  constant(0x3e);
  op(LE_U);
  op(ADD);
  set(L);
  op(END);
  op(ELSE);
  get(C);
  constant(0x5d);
  op(EQ);
  op(IF, VOID);
  // OSC: ends with BEL or ESC \, or stops before a line feed; looked for within 4096 bytes.
  constant(-2);
  set(L);
  scanFromE2();
  get(J);
  get(E);
  op(SUB);
  constant(4096);
  op(GE_U);
  op(BR_IF, 1);
  get(J);
  load8(0);
  tee(C);
  constant(7);
  op(EQ);
  op(IF, VOID);
  get(J);
  constant(1);
  op(ADD);
  get(E);
  op(SUB);
  set(L);
  op(BR, 2);
  op(END);
  get(C);
  constant(0x0a);
  op(EQ);
  op(IF, VOID);
  get(J);
  get(E);
  op(SUB);
  set(L);
  op(BR, 2);
  op(END);
  get(C);
  constant(ESC);
  op(EQ);
  get(J);
  constant(1);
  op(ADD);
  get(STOP);
  op(LT_U);
  op(AND);
  op(IF, VOID);
  get(J);
  load8(1);
  constant(0x5c);
  op(EQ);
  op(IF, VOID);
  get(J);
  constant(2);
  op(ADD);
  get(E);
  op(SUB);
  set(L);
  op(BR, 3);
  op(END);
  op(END);
  increment(J);
  op(BR, 0);
  op(END);
  op(END);
  get(L);
  constant(-2);
  op(EQ);
  op(IF, VOID);
  get(STOP);
  get(E);
  op(SUB);
  constant(4096);
  op(GE_U);
  op(IF, VOID);
  constant(2);
  set(L);
  op(ELSE);
  constant(-1);
  set(L);
  op(END);
  op(END);
  op(END); // OSC
  op(END); // CSI else
  op(END); // incomplete else

  // An incomplete escape hides the rest; otherwise the next visible run starts after it.
  get(L);
  constant(0);
  op(LT_S);
  op(IF, VOID);
  get(STOP);
  set(R);
  recordSegment();
  op(BR, 2); // → $done
  op(END);
  get(E);
  get(L);
  op(ADD);
  set(R);
  recordSegment();
  op(BR, 0); // → $next
  op(END);
  op(END); // $done

  constant(countAddress);
  get(COUNT);
  store32(0);
  get(W);
  get(IN);
  op(SUB);
  return body(8, { i64: 1 });
}
