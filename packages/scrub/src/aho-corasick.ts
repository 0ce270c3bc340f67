/**
 * An Aho-Corasick automaton over latin1 strings (one char per byte), compiled to a dense DFA over
 * byte classes, so scanning costs one table lookup per byte however many patterns are registered.
 */
export class AhoCorasick {
  /**
   * Transitions, each pre-multiplied into a row offset (next * classCount) and negated (bitwise
   * not) when the next state ends a pattern: next = rows[row + classOf[byte]], so the scanning loop
   * needs no multiply and one sign test per byte.
   */
  readonly rows: Int32Array;
  readonly classOf: Uint8Array;
  readonly classCount: number;
  /** First pattern ending at a state (or -1); further ones through `nextOutput`. */
  readonly output: Int32Array;
  /** Pattern id → the next pattern that also ends at the same position (or -1). */
  readonly nextOutput: Int32Array;
  /**
   * Per state, the length of its longest suffix that is a prefix of a marked pattern (those with
   * id ≥ `markedFrom`): how much of a text's tail could still become a marked match.
   */
  readonly markedDepth: Int32Array;
  /** Per state, the length of the prefix it stands for. */
  readonly depth: Int32Array;
  readonly patternLength: Int32Array;
  readonly maxPatternLength: number;
  readonly patterns: readonly string[];

  /**
   * @param caseInsensitive ASCII letters match in either case (callers check exact case themselves
   *   for patterns that need it).
   * @param markedFrom Patterns from this id on are tracked by `markedDepth` (default: all).
   */
  constructor(patterns: readonly string[], caseInsensitive = false, markedFrom = 0) {
    this.patterns = patterns;
    const fold = (code: number): number => (caseInsensitive && code >= 65 && code <= 90 ? code + 32 : code);
    const classOf = new Uint8Array(256);
    let classCount = 1;
    for (const pattern of patterns) {
      for (let i = 0; i < pattern.length; i++) {
        const code = fold(pattern.charCodeAt(i) & 0xff);
        if (classOf[code] === 0) classOf[code] = classCount++;
      }
    }
    if (classCount > 255) throw new Error('AhoCorasick: too many byte classes');
    if (caseInsensitive) for (let c = 65; c <= 90; c++) classOf[c] = classOf[c + 32]!;
    this.classOf = classOf;
    this.classCount = classCount;

    // A trie first, with children in the (still zero) dense table itself and in per-state child
    // lists, then breadth-first failure links.
    let capacity = 1;
    for (const pattern of patterns) capacity += pattern.length;
    const table = new Int32Array(capacity * classCount);
    const depth = new Int32Array(capacity);
    const onMarked = new Uint8Array(capacity);
    const terminalFirst = new Int32Array(capacity).fill(-1);
    const terminalNext = new Int32Array(patterns.length).fill(-1);
    const firstChild = new Int32Array(capacity);
    const nextSibling = new Int32Array(capacity);
    const classOfState = new Int32Array(capacity);
    let stateCount = 1;
    for (let id = 0; id < patterns.length; id++) {
      const pattern = patterns[id]!;
      let state = 0;
      const marked = id >= markedFrom;
      for (let i = 0; i < pattern.length; i++) {
        const cls = classOf[fold(pattern.charCodeAt(i) & 0xff)]!;
        const cell = state * classCount + cls;
        let next = table[cell]!;
        if (next === 0) {
          next = stateCount++;
          table[cell] = next;
          depth[next] = depth[state]! + 1;
          classOfState[next] = cls;
          nextSibling[next] = firstChild[state]!;
          firstChild[state] = next;
        }
        state = next;
        if (marked) onMarked[state] = 1;
      }
      terminalNext[id] = terminalFirst[state]!;
      terminalFirst[state] = id;
    }

    const fail = new Int32Array(stateCount);
    const output = new Int32Array(stateCount).fill(-1);
    const nextOutput = new Int32Array(patterns.length).fill(-1);
    const markedDepth = new Int32Array(stateCount);
    const queue = new Int32Array(stateCount);
    let tail = 0;
    // Children of the root fail to the root (fail is 0 already).
    for (let child = firstChild[0]!; child !== 0; child = nextSibling[child]!) queue[tail++] = child;
    for (let head = 0; head < tail; head++) {
      const state = queue[head]!;
      const f = fail[state]!;
      // This state's own patterns, chained before the ones of its longest matching suffix.
      const inherited = output[f]!;
      let first = inherited;
      for (let id = terminalFirst[state]!; id >= 0;) {
        const following = terminalNext[id]!;
        nextOutput[id] = first;
        first = id;
        id = following;
      }
      output[state] = first;
      markedDepth[state] = onMarked[state] ? depth[state]! : markedDepth[f]!;
      // The row is its failure state's row (complete: shallower), except where the trie goes on.
      const row = state * classCount;
      const failRow = f * classCount;
      table.copyWithin(row, failRow, failRow + classCount);
      for (let child = firstChild[state]!; child !== 0; child = nextSibling[child]!) {
        const cls = classOfState[child]!;
        fail[child] = table[failRow + cls]!;
        table[row + cls] = child;
        queue[tail++] = child;
      }
    }
    // Each next state pre-multiplied into its row offset, negated when it ends a pattern.
    const rows = table.subarray(0, stateCount * classCount);
    for (let i = 0; i < rows.length; i++) {
      const next = rows[i]!;
      rows[i] = output[next]! >= 0 ? ~(next * classCount) : next * classCount;
    }
    this.rows = rows;
    this.output = output;
    this.nextOutput = nextOutput;
    this.markedDepth = markedDepth;
    this.depth = depth.slice(0, stateCount);
    this.patternLength = Int32Array.from(patterns, (p) => p.length);
    this.maxPatternLength = patterns.reduce((max, p) => Math.max(max, p.length), 0);
  }

  get stateCount(): number {
    return this.output.length;
  }

  /** Every occurrence, overlapping ones included, as [patternId, start, end) triples. */
  findAll(text: string, from = 0, to = text.length): Array<[number, number, number]> {
    const found: Array<[number, number, number]> = [];
    const { rows, classOf, classCount, output, nextOutput, patternLength } = this;
    let row = 0;
    for (let i = from; i < to; i++) {
      row = rows[row + classOf[text.charCodeAt(i) & 0xff]!]!;
      if (row < 0) {
        row = ~row;
        for (let id = output[row / classCount]!; id >= 0; id = nextOutput[id]!) {
          found.push([id, i + 1 - patternLength[id]!, i + 1]);
        }
      }
    }
    return found;
  }

  /** The state after reading `text` from the start state. */
  stateAfter(text: string): number {
    const { rows, classOf } = this;
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      row = rows[row + classOf[text.charCodeAt(i) & 0xff]!]!;
      if (row < 0) row = ~row;
    }
    return row / this.classCount;
  }
}
