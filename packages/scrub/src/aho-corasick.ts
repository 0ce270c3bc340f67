/**
 * An Aho-Corasick automaton over latin1 strings (one char per byte), compiled to a dense DFA with
 * byte classes, so scanning is one table lookup per byte however many patterns are registered.
 */
export class AhoCorasick {
  /** Transition table: next = delta[state * classCount + classOf[byte]]. */
  readonly delta: Int32Array;
  /**
   * The same table with each entry pre-multiplied into a row offset (next * classCount), negated
   * (bitwise not) when the next state ends a pattern: the scanning loop then needs no multiply and
   * one sign test per byte.
   */
  readonly rows: Int32Array;
  readonly classOf: Uint8Array;
  readonly classCount: number;
  /** First pattern ending at a state (or -1); further ones through `nextOutput`. */
  readonly output: Int32Array;
  /** Pattern id → the next pattern that also ends at the same position (or -1). */
  readonly nextOutput: Int32Array;
  /** Length of the string a state represents: the longest suffix that may still become a match. */
  readonly depth: Int32Array;
  readonly patternLength: Int32Array;
  readonly maxPatternLength: number;

  readonly patterns: readonly string[];
  readonly caseInsensitive: boolean;

  constructor(patterns: readonly string[], caseInsensitive = false) {
    this.patterns = patterns;
    this.caseInsensitive = caseInsensitive;
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

    // Trie with sparse children, then breadth-first failure links into the dense table.
    const children: Array<Map<number, number>> = [new Map()];
    const depth: number[] = [0];
    const terminal: number[][] = [[]];
    patterns.forEach((pattern, id) => {
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const cls = classOf[fold(pattern.charCodeAt(i) & 0xff)]!;
        let next = children[state]!.get(cls);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          depth.push(depth[state]! + 1);
          terminal.push([]);
          children[state]!.set(cls, next);
        }
        state = next;
      }
      terminal[state]!.push(id);
    });

    const stateCount = children.length;
    const delta = new Int32Array(stateCount * classCount);
    const fail = new Int32Array(stateCount);
    const output = new Int32Array(stateCount).fill(-1);
    const nextOutput = new Int32Array(patterns.length).fill(-1);
    const dictLink = new Int32Array(stateCount).fill(-1);
    const queue: number[] = [];
    for (let cls = 0; cls < classCount; cls++) {
      const next = children[0]!.get(cls);
      if (next !== undefined) {
        delta[cls] = next;
        fail[next] = 0;
        queue.push(next);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const f = fail[state]!;
      dictLink[state] = output[f]! >= 0 ? f : dictLink[f]!;
      for (let cls = 0; cls < classCount; cls++) {
        const next = children[state]!.get(cls);
        if (next !== undefined) {
          fail[next] = delta[f * classCount + cls]!;
          delta[state * classCount + cls] = next;
          queue.push(next);
        } else {
          delta[state * classCount + cls] = delta[f * classCount + cls]!;
        }
      }
      // Chain this state's own patterns, then the ones of its longest matching suffix state.
      const own = terminal[state]!;
      const inherited = dictLink[state]! >= 0 ? output[dictLink[state]!]! : -1;
      if (own.length > 0) {
        for (let i = 0; i < own.length - 1; i++) nextOutput[own[i]!] = own[i + 1]!;
        nextOutput[own[own.length - 1]!] = inherited;
        output[state] = own[0]!;
      } else {
        output[state] = inherited;
      }
    }
    this.delta = delta;
    const rows = new Int32Array(delta.length);
    for (let i = 0; i < delta.length; i++) {
      const next = delta[i]!;
      rows[i] = output[next]! >= 0 ? ~(next * classCount) : next * classCount;
    }
    this.rows = rows;
    this.output = output;
    this.nextOutput = nextOutput;
    this.depth = Int32Array.from(depth);
    this.patternLength = Int32Array.from(patterns, (p) => p.length);
    this.maxPatternLength = patterns.reduce((max, p) => Math.max(max, p.length), 0);
  }

  /** Every occurrence, overlapping ones included, as [patternId, start, end) triples. */
  findAll(text: string, from = 0, to = text.length): Array<[number, number, number]> {
    const found: Array<[number, number, number]> = [];
    const { delta, classOf, classCount, output, nextOutput, patternLength } = this;
    let state = 0;
    for (let i = from; i < to; i++) {
      state = delta[state * classCount + classOf[text.charCodeAt(i) & 0xff]!]!;
      for (let id = output[state]!; id >= 0; id = nextOutput[id]!) found.push([id, i + 1 - patternLength[id]!, i + 1]);
    }
    return found;
  }

  /** The automaton state after reading `text`: its depth is how much of the tail could start a match. */
  stateAfter(text: string, from = 0, state = 0): number {
    const { delta, classOf, classCount } = this;
    for (let i = from; i < text.length; i++) state = delta[state * classCount + classOf[text.charCodeAt(i) & 0xff]!]!;
    return state;
  }
}
