import type { AhoCorasick } from './aho-corasick.js';

/**
 * The per-byte loop of the scanner as a small WebAssembly function, assembled here from its
 * instructions (no toolchain, no binary blob): it walks the automaton over the input bytes and
 * records every state that ends a pattern, and every run of base64/hex characters worth decoding.
 * JavaScript then handles those few positions. The plain JavaScript loop in scanner.ts does the
 * same work and is used when WebAssembly is unavailable or the input is very large.
 */

// Memory layout (bytes): the byte-class table (i32 byte offsets into a row), the run-flag table,
// the run count, then the rows (i32 byte offsets of the next row, bitwise-not when it ends a pattern).
const CLASS_TABLE = 0;
const RUN_FLAG_TABLE = 1024;
const RUN_COUNT = 1280;
const ROWS = 2048;
const PAGE = 65536;
/** Inputs above this size use the JavaScript loop (the kernel's buffers grow with the input). */
export const KERNEL_MAX_INPUT = 1024 * 1024;
export const MIN_RUN = 16;

function unsignedLeb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

function signedLeb(value: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

function section(id: number, content: number[]): number[] {
  return [id, ...unsignedLeb(content.length), ...content];
}

function name(text: string): number[] {
  const bytes = [...Buffer.from(text)];
  return [...unsignedLeb(bytes.length), ...bytes];
}

/** scan(in, len, out, runs, decode) → hit count; the run count is stored at RUN_COUNT. */
function scanFunctionBody(): number[] {
  // Parameters 0..4, then locals.
  const [IN, LEN, OUT, RUNS, DECODE] = [0, 1, 2, 3, 4];
  const [I, ROW, C, RUN_START, FLAGS, HITS, RUN_TOTAL, FLAG, ADDR] = [5, 6, 7, 8, 9, 10, 11, 12, 13];
  const code: number[] = [];
  const op = (...bytes: number[]): void => void code.push(...bytes);
  const get = (local: number): void => op(0x20, local);
  const set = (local: number): void => op(0x21, local);
  const tee = (local: number): void => op(0x22, local);
  const constant = (value: number): void => op(0x41, ...signedLeb(value));
  const load8 = (offset: number): void => op(0x2d, 0, ...unsignedLeb(offset));
  const load32 = (offset: number): void => op(0x28, 2, ...unsignedLeb(offset));
  const store32 = (offset: number): void => op(0x36, 2, ...unsignedLeb(offset));
  const [ADD, SUB, MUL, AND, OR, XOR, SHL] = [0x6a, 0x6b, 0x6c, 0x71, 0x72, 0x73, 0x74];
  const [EQZ, LT_S, GE_S, GE_U, POPCNT] = [0x45, 0x48, 0x4e, 0x4f, 0x69];
  const [BLOCK, LOOP, IF, ELSE, END, BR, BR_IF, VOID] = [0x02, 0x03, 0x04, 0x05, 0x0b, 0x0c, 0x0d, 0x40];

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
    get(RUN_TOTAL);
    constant(1);
    op(ADD);
    set(RUN_TOTAL);
    op(END);
  };

  // I walks the input as an address; LEN becomes the address of its end.
  constant(-1);
  set(RUN_START);
  get(IN);
  set(I);
  get(IN);
  get(LEN);
  op(ADD);
  set(LEN);
  op(BLOCK, VOID);
  op(LOOP, VOID);
  // if (i >= end) break
  get(I);
  get(LEN);
  op(GE_U);
  op(BR_IF, 1);
  // c = *i; row = rows[row + classOf[c]] (all byte offsets)
  get(I);
  load8(0);
  tee(C);
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
  // A state that ends a pattern: record (i, row).
  get(ROW);
  constant(-1);
  op(XOR);
  set(ROW);
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
  store32(4);
  get(HITS);
  constant(1);
  op(ADD);
  set(HITS);
  op(END);
  get(DECODE);
  op(IF, VOID);
  get(C);
  load8(RUN_FLAG_TABLE);
  tee(FLAG);
  op(IF, VOID);
  get(RUN_START);
  constant(0);
  op(LT_S);
  op(IF, VOID);
  get(I);
  set(RUN_START);
  constant(0);
  set(FLAGS);
  op(END);
  get(FLAGS);
  get(FLAG);
  op(OR);
  set(FLAGS);
  op(ELSE);
  get(RUN_START);
  constant(0);
  op(GE_S);
  op(IF, VOID);
  recordRun(I);
  constant(-1);
  set(RUN_START);
  op(END);
  op(END);
  op(END);
  // i++; continue
  get(I);
  constant(1);
  op(ADD);
  set(I);
  op(BR, 0);
  op(END);
  op(END);
  // A run reaching the end of the input.
  get(DECODE);
  op(IF, VOID);
  get(RUN_START);
  constant(0);
  op(GE_S);
  op(IF, VOID);
  recordRun(LEN);
  op(END);
  op(END);
  constant(RUN_COUNT);
  get(RUN_TOTAL);
  store32(0);
  get(HITS);
  op(END);
  const locals = [1, ...unsignedLeb(9), 0x7f];
  const body = [...locals, ...code];
  return [...unsignedLeb(body.length), ...body];
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
    ...section(1, [1, 0x60, 5, I32, I32, I32, I32, I32, 1, I32]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1]),
    ...section(3, [1, 0]),
    ...section(7, [1, ...name('scan'), 0x00, 0]),
    ...section(10, [1, ...scanFunctionBody()]),
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
  /** (position, row byte offset) pairs: the byte at `position` entered a state (row / 4 / classCount) that ends a pattern. */
  hits: Int32Array;
  hitCount: number;
  /** (start, end, flags) triples of runs of base64/hex characters worth decoding. */
  runs: Int32Array;
  runCount: number;
}

/** One automaton's tables in WebAssembly memory, and the compiled loop over them. */
export class ScanKernel {
  private readonly memory: WasmMemory;
  private readonly scanExport: (input: number, length: number, out: number, runs: number, decode: number) => number;
  private readonly inputOffset: number;

  private constructor(memory: WasmMemory, scan: ScanKernel['scanExport'], inputOffset: number) {
    this.memory = memory;
    this.scanExport = scan;
    this.inputOffset = inputOffset;
  }

  /** A kernel for `automaton`, or undefined when WebAssembly is not available. */
  static for(automaton: AhoCorasick, runFlags: Uint8Array): ScanKernel | undefined {
    const module = kernelModule();
    if (!module || !wasm) return undefined;
    const inputOffset = align(ROWS + automaton.rows.length * 4);
    const memory = new wasm.Memory({ initial: Math.ceil((inputOffset + PAGE) / PAGE) });
    const bytes = new Uint8Array(memory.buffer);
    new Int32Array(memory.buffer, CLASS_TABLE, 256).set(Int32Array.from(automaton.classOf, (cls) => cls * 4));
    bytes.set(runFlags, RUN_FLAG_TABLE);
    const rows = new Int32Array(memory.buffer, ROWS, automaton.rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = automaton.rows[i]!;
      rows[i] = row < 0 ? ~(~row * 4) : row * 4;
    }
    const instance = new wasm.Instance(module, { env: { memory } });
    return new ScanKernel(memory, instance.exports.scan as ScanKernel['scanExport'], inputOffset);
  }

  /** Runs the loop over a latin1 string (one char per byte). */
  scan(text: string, decode: boolean): KernelResult {
    const length = text.length;
    const hitsOffset = align(this.inputOffset + length);
    const runsOffset = align(hitsOffset + (length + 1) * 8);
    const end = runsOffset + (Math.floor(length / (MIN_RUN + 1)) + 2) * 12;
    if (end > this.memory.buffer.byteLength) this.memory.grow(Math.ceil((end - this.memory.buffer.byteLength) / PAGE));
    const buffer = Buffer.from(this.memory.buffer);
    buffer.write(text, this.inputOffset, length, 'latin1');
    const hitCount = this.scanExport(this.inputOffset, length, hitsOffset, runsOffset, decode ? 1 : 0);
    const runCount = new Int32Array(this.memory.buffer, RUN_COUNT, 1)[0]!;
    return {
      hits: new Int32Array(this.memory.buffer, hitsOffset, hitCount * 2),
      hitCount,
      runs: new Int32Array(this.memory.buffer, runsOffset, runCount * 3),
      runCount,
    };
  }
}

function align(offset: number): number {
  return (offset + 7) & ~7;
}
