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
export const [EQZ, EQ, NE, LT_S, LT_U, GT_S, GT_U, LE_U, GE_S, GE_U, POPCNT] = [
  0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4d, 0x4e, 0x4f, 0x69,
];
/** i64 opcodes, and i32.wrap_i64. */
export const [I64_EQZ, I64_CTZ, I64_SUB, I64_AND, I64_XOR, I64_SHR_U, WRAP_I64] = [
  0x50, 0x7a, 0x7d, 0x83, 0x85, 0x88, 0xa7,
];
/** Control opcodes, and the empty block type. */
export const [BLOCK, LOOP, IF, ELSE, END, BR, BR_IF, RETURN, CALL, SELECT, VOID] = [
  0x02, 0x03, 0x04, 0x05, 0x0b, 0x0c, 0x0d, 0x0f, 0x10, 0x1b, 0x40,
];

/** Emits one function's instructions; `body(localCount)` wraps them with i32 locals into a code entry. */
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
    increment: (local: number, by = 1): void => {
      get(local);
      op(0x41, ...signedLeb(by));
      op(ADD);
      set(local);
    },
    /** The code entry: `localCount` i32 locals after the parameters, then `wideCount` i64 locals. */
    body: (localCount: number, wideCount = 0): number[] => {
      const locals =
        wideCount > 0
          ? [2, ...unsignedLeb(localCount), 0x7f, ...unsignedLeb(wideCount), 0x7e]
          : [1, ...unsignedLeb(localCount), 0x7f];
      const entry = [...locals, ...code, END];
      return [...unsignedLeb(entry.length), ...entry];
    },
  };
}
