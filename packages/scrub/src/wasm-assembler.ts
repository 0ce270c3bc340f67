/** Just enough of a WebAssembly assembler for the scan kernel: encodings, sections and an instruction emitter. */

export function unsignedLeb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

export function signedLeb(value: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    const done = (value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** Signed LEB128 of a 64-bit integer (for i64 constants). */
export function signedLeb64(value: bigint): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = Number(value & 0x7fn);
    value >>= 7n;
    const done = (value === 0n && (byte & 0x40) === 0) || (value === -1n && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

export function section(id: number, content: number[]): number[] {
  return [id, ...unsignedLeb(content.length), ...content];
}

export function name(text: string): number[] {
  const bytes = [...Buffer.from(text)];
  return [...unsignedLeb(bytes.length), ...bytes];
}

/** i32 opcodes. */
export const [ADD, SUB, MUL, AND, OR, XOR, SHL, SHR_U] = [0x6a, 0x6b, 0x6c, 0x71, 0x72, 0x73, 0x74, 0x76];
export const [EQZ, EQ, NE, LT_S, LT_U, GT_S, GT_U, LE_U, GE_S, GE_U, CLZ, CTZ, POPCNT] = [
  0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4d, 0x4e, 0x4f, 0x67, 0x68, 0x69,
];
/** i64 opcodes, and i32.wrap_i64. */
export const [I64_EQZ, I64_CTZ, I64_SUB, I64_AND, I64_XOR, WRAP_I64] = [0x50, 0x7a, 0x7d, 0x83, 0x85, 0xa7];
/** SIMD (v128) opcodes, emitted after the 0xfd prefix by `simd`. */
export const [I8X16_SWIZZLE, I8X16_EQ, V128_AND, I8X16_BITMASK, I16X8_SHR_U] = [0x0e, 0x23, 0x4e, 0x64, 0x8d];
const [I32_TYPE, I64_TYPE, V128_TYPE] = [0x7f, 0x7e, 0x7b];
/** Control opcodes, and the empty block type. */
export const [BLOCK, LOOP, IF, ELSE, END, BR, BR_IF, RETURN, CALL, SELECT, VOID] = [
  0x02, 0x03, 0x04, 0x05, 0x0b, 0x0c, 0x0d, 0x0f, 0x10, 0x1b, 0x40,
];

/**
 * Emits one function's instructions; `body(localCount, { i64, v128 })` wraps them into a code entry
 * with `localCount` i32 locals followed by the i64 and v128 ones.
 */
export function emitter() {
  const code: number[] = [];
  const op = (...bytes: number[]): void => void code.push(...bytes);
  const get = (local: number): void => op(0x20, local);
  const set = (local: number): void => op(0x21, local);
  return {
    op,
    get,
    set,
    tee: (local: number): void => op(0x22, local),
    constant: (value: number): void => op(0x41, ...signedLeb(value)),
    load8: (offset: number): void => op(0x2d, 0, ...unsignedLeb(offset)),
    load16: (offset: number): void => op(0x2f, 0, ...unsignedLeb(offset)),
    load32: (offset: number, alignment = 2): void => op(0x28, alignment, ...unsignedLeb(offset)),
    load64: (offset: number): void => op(0x29, 0, ...unsignedLeb(offset)),
    constant64: (value: bigint): void => op(0x42, ...signedLeb64(value)),
    /** memory.copy(destination, source, length), as memmove. */
    copy: (): void => op(0xfc, 0x0a, 0x00, 0x00),
    store32: (offset: number): void => op(0x36, 2, ...unsignedLeb(offset)),
    simd: (simdOp: number): void => op(0xfd, ...unsignedLeb(simdOp)),
    /** v128.load (no alignment assumed). */
    load128: (offset: number): void => op(0xfd, 0x00, 0, ...unsignedLeb(offset)),
    /** v128.const with every byte lane set to `byte`. */
    splat8: (byte: number): void => op(0xfd, 0x0c, ...new Array<number>(16).fill(byte & 0xff)),
    increment: (local: number, by = 1): void => {
      get(local);
      op(0x41, ...signedLeb(by));
      op(ADD);
      set(local);
    },
    /** The code entry: `localCount` i32 locals after the parameters, then any i64 and v128 locals. */
    body: (localCount: number, extra: { i64?: number; v128?: number } = {}): number[] => {
      const groups = [
        [localCount, I32_TYPE],
        [extra.i64 ?? 0, I64_TYPE],
        [extra.v128 ?? 0, V128_TYPE],
      ].filter(([count]) => count! > 0);
      const entry = [
        groups.length,
        ...groups.flatMap(([count, type]) => [...unsignedLeb(count!), type!]),
        ...code,
        END,
      ];
      return [...unsignedLeb(entry.length), ...entry];
    },
  };
}
