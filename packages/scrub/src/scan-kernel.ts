import type { AhoCorasick } from './aho-corasick.js';
import { followClassTable, followFunctionBody } from './kernel-follow.js';
import { stripFunctionBody } from './kernel-strip.js';
import { textCheckBody, textCheckTables } from './kernel-text-check.js';
import {
  ADD,
  AND,
  BLOCK,
  BR,
  BR_IF,
  CALL,
  CLZ,
  CTZ,
  ELSE,
  emitter,
  END as END_OP,
  EQ,
  EQZ,
  GE_S,
  GE_U,
  GT_S,
  GT_U,
  I8X16_BITMASK,
  I8X16_EQ,
  I16X8_SHR_U,
  I8X16_SWIZZLE,
  IF,
  LE_U,
  LOOP,
  LT_S,
  LT_U,
  MUL,
  name,
  OR,
  POPCNT,
  section,
  SHL,
  SHR_U,
  SUB,
  V128_AND,
  VOID,
  XOR,
} from './wasm-assembler.js';

/**
 * The per-byte loop of the scanner as a small WebAssembly function, assembled here from its
 * instructions (no toolchain, no binary blob): it walks the automaton over the input bytes and
 * records every state that ends a pattern, and every run of base64/hex characters worth decoding.
 * JavaScript then handles those few positions. The plain JavaScript loop in scanner.ts does the
 * same work and is used when WebAssembly is unavailable or the input is very large.
 */

// Memory layout (bytes): the byte-class table (i32 byte offsets into a row), the run-flag table,
// the run count, the nibble tables of the run bytes, the tables of the text check
// (kernel-text-check.ts), the start filter (a byte per hash of three bytes), then the rows: each
// holds the state's depth, its index, and per byte class the i32 byte offset of the next row
// (bitwise-not when the next state ends a pattern).
const CLASS_TABLE = 0;
const RUN_FLAG_TABLE = 1024;
const RUN_COUNT = 1280;
const SEGMENT_COUNT = 1284;
/** The run bytes as two 16-byte tables indexed by a byte's low and high nibble (runByteNibbles). */
const RUN_NIBBLES = 1296;
const TEXT_TABLES = { hex: 1536, base64: 1792, text: 2048 };
/** The byte classes of the kernel's own hit checks (kernel-follow.ts). */
const FOLLOW_CLASS = 3840;
const START_FILTER = 4096;
const FILTER_SIZE = 1 << 16;
/** A byte per pair of bytes (case folded, no hash) that begins a pattern: the skipping loop's first test. */
const PAIR_FILTER = START_FILTER + FILTER_SIZE;
const ROWS = PAIR_FILTER + FILTER_SIZE;
/** Bytes of a run whose flags are ORed per round. */
const FLAG_UNROLL = 8;
/** Positions the skipping loop tests per round. */
const UNROLL = 4;
/** Each row starts with the state's depth, its index and the hit check its patterns need. */
const ROW_HEADER = 3;
const PAGE = 65536;
const HASH_MULTIPLIER = 0x9e3779b1;
/** Inputs above this size use the JavaScript loop (the kernel's buffers grow with the input). */
export const KERNEL_MAX_INPUT = 1024 * 1024;
export const MIN_RUN = 16;

/**
 * scan(in, len, out, runs, decode) → hit count; the run count is stored at RUN_COUNT.
 *
 * Two loops. The first skips, looking up a hash of three bytes in a table, every position where
 * no pattern can start; from a position where one may, it walks the automaton until the state's
 * live suffix (its depth) no longer reaches back to the last such position, then skips again. A
 * match starts at a candidate position and is a prefix of the live suffix while it grows, so none
 * is missed. The second loop finds runs of base64/hex characters 32 bytes at a time with SIMD: a
 * bitmask of the run bytes, from which the runs of MIN_RUN or more bytes are read off; windows
 * without one are skipped whole. A run is kept only when it reads as text at some alignment (the
 * second function), as decoding would require.
 */
function scanFunctionBody(): number[] {
  // Parameters 0..4, then locals.
  const [IN, END, OUT, RUNS, DECODE] = [0, 1, 2, 3, 4];
  const [I, ROW, LAST, RUN_START, FLAGS, HITS, RUN_TOTAL, AT, ADDR, E] = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
  const [MASK, CARRY, STARTS, KIND] = [15, 16, 17, 18];
  // v128 locals: the nibble tables, the block being classified, 0x0f in every byte, and zero (never set).
  const [LOW_NIBBLES, HIGH_NIBBLES, BYTES, LOW_FOUR_BITS, ZERO] = [19, 20, 21, 22, 23];
  const { op, get, set, tee, constant, load8, load16, load32, store32, increment, simd, load128, splat8, body } =
    emitter();

  // Leaves nonzero when the two bytes at I + at begin some pattern: fewer instructions than
  // `candidate`, which the skipping loop runs only where this passes.
  const pairCandidate = (at: number): void => {
    get(I);
    load16(at);
    constant(0x2020);
    op(OR);
    load8(PAIR_FILTER);
  };

  // Leaves the bitmask of the bytes at [base] + at .. + 15 that are not run bytes: a byte is one
  // when LOW_NIBBLES[byte & 15] & HIGH_NIBBLES[byte >> 4] is nonzero (see runByteNibbles).
  const notRunBytes = (base: number, at: number): void => {
    get(LOW_NIBBLES);
    get(base);
    load128(at);
    tee(BYTES);
    get(LOW_FOUR_BITS);
    simd(V128_AND);
    simd(I8X16_SWIZZLE);
    get(HIGH_NIBBLES);
    get(BYTES);
    constant(4);
    simd(I16X8_SHR_U); // the high nibble of each byte moves to the low one; the mask drops the rest
    get(LOW_FOUR_BITS);
    simd(V128_AND);
    simd(I8X16_SWIZZLE);
    simd(V128_AND);
    get(ZERO);
    simd(I8X16_EQ);
    simd(I8X16_BITMASK);
  };
  // MASK = the run bytes among [base .. base + 32), bit k for byte base + k; none from END on
  // (base <= END; the memory after the input is read but not used).
  const runMask = (base: number): void => {
    notRunBytes(base, 0);
    notRunBytes(base, 16);
    constant(16);
    op(SHL);
    op(OR);
    constant(-1);
    op(XOR);
    set(MASK);
    get(END);
    get(base);
    op(SUB);
    tee(AT);
    constant(32);
    op(LT_U);
    op(IF, VOID);
    get(MASK);
    constant(1);
    get(AT);
    op(SHL);
    constant(1);
    op(SUB);
    op(AND);
    set(MASK);
    op(END_OP);
  };

  // Leaves nonzero when a pattern may start at I + at (see startHash), else 0.
  const candidate = (at = 0): void => {
    get(I);
    load32(at, 0);
    constant(0x20202020);
    op(OR);
    constant(8);
    op(SHL);
    constant(HASH_MULTIPLIER | 0);
    op(MUL);
    constant(16);
    op(SHR_U);
    load8(START_FILTER);
  };

  const recordRun = (end: number): void => {
    // if (end - runStart >= MIN_RUN && ((flags & 8) == 0 || popcount(flags & 7) >= 2)) runs[n++] = {start, end, flags}
    get(end);
    get(RUN_START);
    op(SUB);
    constant(MIN_RUN);
    op(GE_S);
    get(FLAGS);
    constant(8);
    op(AND);
    op(EQZ);
    get(FLAGS);
    constant(7);
    op(AND);
    op(POPCNT);
    constant(2);
    op(GE_U);
    op(OR);
    op(AND);
    op(IF, VOID);
    // ... and it reads as text at some alignment (what decoding it would first check).
    get(RUN_START);
    get(end);
    get(FLAGS);
    constant(8);
    op(AND);
    op(EQZ);
    op(CALL, 1);
    op(IF, VOID);
    get(RUNS);
    get(RUN_TOTAL);
    constant(12);
    op(MUL);
    op(ADD);
    tee(ADDR);
    get(RUN_START);
    get(IN);
    op(SUB);
    store32(0);
    get(ADDR);
    get(end);
    get(IN);
    op(SUB);
    store32(4);
    get(ADDR);
    get(FLAGS);
    store32(8);
    increment(RUN_TOTAL);
    op(END_OP);
    op(END_OP);
  };

  // END becomes the address of the input's end; I walks the input as an address.
  get(IN);
  get(END);
  op(ADD);
  set(END);
  get(IN);
  set(I);
  op(BLOCK, VOID); // $done
  op(LOOP, VOID); // $skip: no pattern is under way
  op(BLOCK, VOID); // $found
  op(BLOCK, VOID); // $tail
  // UNROLL positions per round while they all lie in the input.
  op(LOOP, VOID); // $fast
  get(I);
  constant(UNROLL);
  op(ADD);
  get(END);
  op(GT_U);
  op(BR_IF, 1); // → $tail
  pairCandidate(0);
  op(IF, VOID);
  candidate(0);
  op(BR_IF, 3); // → $found
  op(END_OP);
  for (let at = 1; at < UNROLL; at++) {
    pairCandidate(at);
    op(IF, VOID);
    candidate(at);
    op(IF, VOID);
    increment(I, at);
    op(BR, 4); // → $found
    op(END_OP);
    op(END_OP);
  }
  increment(I, UNROLL);
  op(BR, 0); // → $fast
  op(END_OP);
  op(END_OP);
  op(LOOP, VOID); // the last positions, one at a time
  get(I);
  get(END);
  op(GE_U);
  op(BR_IF, 3); // → $done
  candidate();
  op(BR_IF, 1); // → $found
  increment(I);
  op(BR, 0);
  op(END_OP);
  op(END_OP);
  // From the root at a candidate position.
  constant(0);
  set(ROW);
  get(I);
  set(LAST);
  op(LOOP, VOID); // $step
  get(I);
  get(END);
  op(GE_U);
  op(BR_IF, 2); // → $done
  candidate();
  op(IF, VOID);
  get(I);
  set(LAST);
  op(END_OP);
  // row = rows[row + classOf[*i]] (byte offsets; negative when the state ends a pattern)
  get(I);
  load8(0);
  constant(2);
  op(SHL);
  load32(CLASS_TABLE);
  get(ROW);
  op(ADD);
  load32(ROWS);
  tee(ROW);
  constant(0);
  op(LT_S);
  op(IF, VOID);
  get(ROW);
  constant(-1);
  op(XOR);
  set(ROW);
  // A state that needs a check the kernel knows is reported only when the bytes after it pass.
  get(ROW);
  load32(ROWS + 8);
  tee(KIND);
  op(IF, 0x7f); // → i32
  get(I);
  constant(1);
  op(ADD);
  get(END);
  get(KIND);
  op(CALL, 3);
  op(ELSE);
  constant(1);
  op(END_OP);
  op(IF, VOID);
  get(OUT);
  get(HITS);
  constant(3);
  op(SHL);
  op(ADD);
  tee(ADDR);
  get(I);
  get(IN);
  op(SUB);
  store32(0);
  get(ADDR);
  get(ROW);
  load32(ROWS + 4);
  store32(4);
  increment(HITS);
  op(END_OP);
  op(END_OP);
  increment(I);
  // Back to skipping when the live suffix (I - depth) starts after the last candidate.
  get(I);
  get(ROW);
  load32(ROWS);
  op(SUB);
  get(LAST);
  op(GT_S);
  op(BR_IF, 1); // → $skip
  op(BR, 0); // → $step
  op(END_OP);
  op(END_OP);
  op(END_OP);

  // Runs of base64/hex, 32 bytes per round: SIMD marks the run bytes (nonzero RUN_FLAG_TABLE
  // entries) in a 32-bit mask. A run of MIN_RUN or more either goes on from the bytes that ended
  // the last window (CARRY of them) or lies in this one at MASK & MASK >> 1 & ... & MASK >> 15;
  // it starts at most 16 bytes in (a later start leaves it to the next window, through CARRY).
  // Windows without one are skipped; the run's end is found by the mask too, its flags by bytes.
  get(DECODE);
  op(IF, VOID);
  constant(RUN_NIBBLES);
  load128(0);
  set(LOW_NIBBLES);
  constant(RUN_NIBBLES);
  load128(16);
  set(HIGH_NIBBLES);
  splat8(0x0f);
  set(LOW_FOUR_BITS);
  get(IN);
  set(I);
  constant(0);
  set(CARRY);
  op(BLOCK, VOID); // $runsDone
  op(LOOP, VOID); // $window
  op(BLOCK, VOID); // $found: RUN_START is the first byte of a run of MIN_RUN or more
  get(I);
  get(END);
  op(GE_U);
  op(BR_IF, 2); // → $runsDone
  runMask(I);
  // A run that ended the last window (CARRY bytes) and goes on for MIN_RUN bytes in all.
  get(I);
  get(CARRY);
  op(SUB);
  set(RUN_START);
  get(CARRY);
  get(MASK);
  constant(-1);
  op(XOR);
  op(CTZ);
  op(ADD);
  constant(MIN_RUN);
  op(GE_U);
  op(BR_IF, 0); // → $found
  // A run of MIN_RUN inside the window: bit k of MASK & MASK >> 1 & ... & MASK >> 15 (four steps).
  get(MASK);
  set(STARTS);
  for (let span = 1; span < MIN_RUN; span <<= 1) {
    get(STARTS);
    get(STARTS);
    constant(span);
    op(SHR_U);
    op(AND);
    set(STARTS);
  }
  get(STARTS);
  op(IF, VOID);
  get(I);
  get(STARTS);
  op(CTZ);
  op(ADD);
  set(RUN_START);
  op(BR, 1); // → $found
  op(END_OP);
  // The run bytes that end this window, for the next.
  get(MASK);
  constant(-1);
  op(XOR);
  op(CLZ);
  set(CARRY);
  increment(I, 32);
  op(BR, 1); // → $window
  op(END_OP); // $found
  // Back to the first byte of the run (already there: the windows find runs at their first byte).
  op(BLOCK, VOID);
  op(LOOP, VOID);
  get(RUN_START);
  get(IN);
  op(LE_U);
  op(BR_IF, 1);
  get(RUN_START);
  constant(1);
  op(SUB);
  load8(0);
  load8(RUN_FLAG_TABLE);
  op(EQZ);
  op(BR_IF, 1);
  get(RUN_START);
  constant(1);
  op(SUB);
  set(RUN_START);
  op(BR, 0);
  op(END_OP);
  op(END_OP);
  // E = the end of the run: the first byte that is not a run byte, 32 bytes per round.
  get(RUN_START);
  set(E);
  op(LOOP, VOID);
  runMask(E);
  get(MASK);
  constant(-1);
  op(EQ);
  op(IF, VOID);
  increment(E, 32);
  op(BR, 1);
  op(END_OP);
  op(END_OP);
  get(E);
  get(MASK);
  constant(-1);
  op(XOR);
  op(CTZ);
  op(ADD);
  set(E);
  // FLAGS = the run flags of its bytes ORed, FLAG_UNROLL bytes per round, then one by one.
  constant(0);
  set(FLAGS);
  get(RUN_START);
  set(AT);
  op(BLOCK, VOID);
  op(LOOP, VOID);
  get(AT);
  constant(FLAG_UNROLL);
  op(ADD);
  get(E);
  op(GT_U);
  op(BR_IF, 1);
  get(FLAGS);
  for (let at = 0; at < FLAG_UNROLL; at++) {
    get(AT);
    load8(at);
    load8(RUN_FLAG_TABLE);
    op(OR);
  }
  set(FLAGS);
  increment(AT, FLAG_UNROLL);
  op(BR, 0);
  op(END_OP);
  op(END_OP);
  op(BLOCK, VOID);
  op(LOOP, VOID);
  get(AT);
  get(E);
  op(GE_U);
  op(BR_IF, 1);
  get(FLAGS);
  get(AT);
  load8(0);
  load8(RUN_FLAG_TABLE);
  op(OR);
  set(FLAGS);
  increment(AT);
  op(BR, 0);
  op(END_OP);
  op(END_OP);
  recordRun(E);
  // The byte at E is not a run byte: the next run starts after it.
  get(E);
  constant(1);
  op(ADD);
  set(I);
  constant(0);
  set(CARRY);
  op(BR, 0); // → $window
  op(END_OP);
  op(END_OP);
  op(END_OP);

  constant(RUN_COUNT);
  get(RUN_TOTAL);
  store32(0);
  get(HITS);
  return body(14, { v128: 5 });
}

function assembleModule(): Uint8Array {
  const I32 = 0x7f;
  const bytes = [
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, [2, 0x60, 5, I32, I32, I32, I32, I32, 1, I32, 0x60, 3, I32, I32, I32, 1, I32]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]),
    ...section(3, [4, 0, 1, 1, 1]),
    ...section(7, [2, ...name('scan'), 0x00, 0, ...name('strip'), 0x00, 2]),
    ...section(10, [
      4,
      ...scanFunctionBody(),
      ...textCheckBody(TEXT_TABLES),
      ...stripFunctionBody(SEGMENT_COUNT),
      ...followFunctionBody(FOLLOW_CLASS),
    ]),
  ];
  return Uint8Array.from(bytes);
}

/** The part of the WebAssembly API used here (the project's TypeScript libs do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}
const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

let compiled: object | null | undefined;

function kernelModule(): object | null {
  if (compiled === undefined) {
    try {
      compiled = wasm ? new wasm.Module(assembleModule()) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

export interface KernelResult {
  /** (position, state) pairs: the byte at `position` entered a state that ends a pattern. */
  hits: Int32Array;
  hitCount: number;
  /** (start, end, flags) triples of runs of base64/hex characters worth decoding that read as text. */
  runs: Int32Array;
  runCount: number;
}

/** What `scanBytes` found; read it before the kernel runs again (it lives in the kernel's memory). */
export interface BytesScanResult extends KernelResult {
  /** How many bytes are left once escape sequences are removed. */
  visibleLength: number;
  /** How many escape sequences (or an incomplete one at the end) were removed. */
  segmentCount: number;
  /** The bytes left, as a latin1 string. */
  visibleText(): string;
  /** Visible offset → offset in the input, as `stripAnsi` gives them (pairs, starting with 0, 0). */
  segments(): Int32Array;
}

/** One automaton's tables in WebAssembly memory, and the compiled loop over them. */
export class ScanKernel {
  private readonly memory: WasmMemory;
  private readonly scanExport: (input: number, length: number, out: number, runs: number, decode: number) => number;
  private readonly stripExport: (input: number, length: number, segments: number) => number;
  private readonly inputOffset: number;

  private constructor(
    memory: WasmMemory,
    scan: ScanKernel['scanExport'],
    strip: ScanKernel['stripExport'],
    inputOffset: number,
  ) {
    this.memory = memory;
    this.scanExport = scan;
    this.stripExport = strip;
    this.inputOffset = inputOffset;
  }

  /**
   * A kernel for `automaton`, or undefined when WebAssembly (with SIMD) is not available.
   * @param followKinds Per state, the hit check (FollowKind) the kernel runs before reporting it;
   *   absent, every state that ends a pattern is reported.
   */
  static for(automaton: AhoCorasick, runFlags: Uint8Array, followKinds?: Uint8Array): ScanKernel | undefined {
    const module = kernelModule();
    const nibbles = runByteNibbles(runFlags);
    if (!module || !wasm || !nibbles) return undefined;
    const classCount = automaton.classCount;
    const stride = classCount + ROW_HEADER;
    const stateCount = automaton.stateCount;
    const inputOffset = align(ROWS + stateCount * stride * 4);
    const memory = new wasm.Memory({ initial: Math.ceil((inputOffset + PAGE) / PAGE) });
    const bytes = new Uint8Array(memory.buffer);
    new Int32Array(memory.buffer, CLASS_TABLE, 256).set(
      Int32Array.from(automaton.classOf, (cls) => (cls + ROW_HEADER) * 4),
    );
    bytes.set(runFlags, RUN_FLAG_TABLE);
    bytes.set(nibbles, RUN_NIBBLES);
    const tables = textCheckTables();
    bytes.set(tables.hex, TEXT_TABLES.hex);
    bytes.set(tables.base64, TEXT_TABLES.base64);
    bytes.set(tables.text, TEXT_TABLES.text);
    bytes.set(startFilter(automaton.patterns), START_FILTER);
    bytes.set(pairFilter(automaton.patterns), PAIR_FILTER);
    bytes.set(followClassTable(), FOLLOW_CLASS);
    const rows = new Int32Array(memory.buffer, ROWS, stateCount * stride);
    for (let state = 0; state < stateCount; state++) {
      const at = state * stride;
      rows[at] = automaton.depth[state]!;
      rows[at + 1] = state;
      rows[at + 2] = followKinds?.[state] ?? 0;
      for (let cls = 0; cls < classCount; cls++) {
        const next = automaton.rows[state * classCount + cls]!;
        const target = ((next < 0 ? ~next : next) / classCount) * stride * 4;
        rows[at + ROW_HEADER + cls] = next < 0 ? ~target : target;
      }
    }
    const instance = new wasm.Instance(module, { env: { memory } });
    return new ScanKernel(
      memory,
      instance.exports.scan as ScanKernel['scanExport'],
      instance.exports.strip as ScanKernel['stripExport'],
      inputOffset,
    );
  }

  /** Runs the loop over a latin1 string (one char per byte). */
  scan(text: string, decode: boolean): KernelResult {
    const layout = this.reserve(text.length);
    this.view().write(text, this.inputOffset, text.length, 'latin1');
    return this.run(text.length, layout, decode);
  }

  /**
   * Copies `bytes` in, removes their escape sequences there (as `stripAnsi` does) and runs the loop
   * over the visible bytes: the bytes are never turned into a string unless the caller asks.
   */
  scanBytes(bytes: Buffer, decode: boolean): BytesScanResult {
    const length = bytes.length;
    const layout = this.reserve(length);
    new Uint8Array(this.memory.buffer, this.inputOffset, length).set(bytes);
    let visibleLength = length;
    let segmentCount = 0;
    if (bytes.indexOf(0x1b) >= 0) {
      visibleLength = this.stripExport(this.inputOffset, length, layout.segments);
      segmentCount = new Int32Array(this.memory.buffer, SEGMENT_COUNT, 1)[0]!;
    }
    const result = this.run(visibleLength, layout, decode);
    const memory = this.memory;
    const inputOffset = this.inputOffset;
    return {
      ...result,
      visibleLength,
      segmentCount,
      visibleText: () => this.view().toString('latin1', inputOffset, inputOffset + visibleLength),
      segments: () => {
        const segments = new Int32Array(segmentCount * 2 + 2);
        segments.set(new Int32Array(memory.buffer, layout.segments, segmentCount * 2), 2);
        return segments;
      },
    };
  }

  private cachedView: Buffer | undefined;

  /** A Buffer over the whole memory (made again after the memory grows). */
  private view(): Buffer {
    if (this.cachedView?.buffer !== this.memory.buffer) this.cachedView = Buffer.from(this.memory.buffer);
    return this.cachedView;
  }

  /** Room for an input of `length` bytes, its hits, runs and escape segments. */
  private reserve(length: number): { hits: number; runs: number; segments: number } {
    const hits = align(this.inputOffset + length);
    const runs = align(hits + (length + 1) * 8);
    // The segments lie beyond anything a scan of a shorter text writes (input, hits and runs take
    // under 10 bytes per input byte plus 48), so the scans of runs decoded from this input, which
    // are always shorter, leave them intact until the caller reads them. That also keeps the 31
    // bytes past the input that the run loop's 32-byte windows read inside the memory.
    const segments = align(this.inputOffset + 16 * length + 64);
    const end = segments + (Math.floor(length / 2) + 2) * 8;
    if (end > this.memory.buffer.byteLength) this.memory.grow(Math.ceil((end - this.memory.buffer.byteLength) / PAGE));
    return { hits, runs, segments };
  }

  private run(length: number, layout: { hits: number; runs: number }, decode: boolean): KernelResult {
    const hitCount = this.scanExport(this.inputOffset, length, layout.hits, layout.runs, decode ? 1 : 0);
    const runCount = new Int32Array(this.memory.buffer, RUN_COUNT, 1)[0]!;
    return {
      hits: new Int32Array(this.memory.buffer, layout.hits, hitCount * 2),
      hitCount,
      runs: new Int32Array(this.memory.buffer, layout.runs, runCount * 3),
      runCount,
    };
  }
}

/**
 * The run bytes (nonzero entries of `runFlags`) as the two tables the SIMD classification looks up:
 * bit h of low[byte & 15] is set when byte h * 16 + (byte & 15) is a run byte, and high[h] = 1 << h,
 * so low[byte & 15] & high[byte >> 4] is nonzero exactly for run bytes. That covers bytes below
 * 0x80 (eight bits); undefined when a byte from 0x80 up is a run byte.
 */
export function runByteNibbles(runFlags: Uint8Array): Uint8Array | undefined {
  const tables = new Uint8Array(32);
  for (let byte = 0; byte < 256; byte++) {
    if (runFlags[byte] === 0) continue;
    if (byte >= 0x80) return undefined;
    tables[byte & 15] |= 1 << (byte >> 4);
  }
  for (let high = 0; high < 8; high++) tables[16 + high] = 1 << high;
  return tables;
}

/** Folds a byte the way the start filter does: ASCII letters (and a few symbols) lose their case. */
const fold = (code: number): number => (code & 0xff) | 0x20;

function startHash(b0: number, b1: number, b2: number): number {
  return Math.imul((fold(b0) | (fold(b1) << 8) | (fold(b2) << 16)) << 8, HASH_MULTIPLIER) >>> 16;
}

/**
 * The table the skipping loop tests: one byte per hash of the first three bytes (case folded) of a
 * pattern; a two-byte pattern marks every third byte, a one-byte pattern everything.
 */
function startFilter(patterns: readonly string[]): Uint8Array {
  const table = new Uint8Array(FILTER_SIZE);
  for (const pattern of patterns) {
    if (pattern.length === 0) continue;
    if (pattern.length === 1) return table.fill(1);
    const [b0, b1] = [pattern.charCodeAt(0), pattern.charCodeAt(1)];
    if (pattern.length === 2) for (let b2 = 0; b2 < 256; b2++) table[startHash(b0, b1, b2)] = 1;
    else table[startHash(b0, b1, pattern.charCodeAt(2))] = 1;
  }
  return table;
}

/** The table of the first test: one byte per pair of case-folded bytes that begins a pattern. */
function pairFilter(patterns: readonly string[]): Uint8Array {
  const table = new Uint8Array(FILTER_SIZE);
  for (const pattern of patterns) {
    if (pattern.length === 0) continue;
    if (pattern.length === 1) return table.fill(1);
    table[fold(pattern.charCodeAt(0)) | (fold(pattern.charCodeAt(1)) << 8)] = 1;
  }
  return table;
}

function align(offset: number): number {
  return (offset + 7) & ~7;
}
