/** Shannon entropy in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

const DOCUMENTED_EXAMPLES = [
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  'AIDACKCEVSQ6C2EXAMPLE',
  'ASIAIOSFODNN7EXAMPLE',
];

const PLACEHOLDER_WORDS =
  /example|placeholder|changeme|change_me|your[_-]?(?:api[_-]?)?(?:key|token|secret|password)|replace[_-]?me|insert[_-]?|dummy|redacted|\bfake|\*\*\*|_here\b|here$|xxxx|XXXX|0000000000|1234567890|abcdefgh|ABCDEFGH|\.\.\.|…|sample|test_?token|notreal|not-set|secret_?value|my_?(?:secret|password|token)/i;

/**
 * True for values that are obviously not secrets: documented example keys, runs of one character,
 * `xxxx`, template and variable references (`${{ secrets.X }}`, `$VAR`, `${VAR}`, `%VAR%`,
 * `{{ var }}`, `<token>`, `env.X`), and common placeholder words.
 */
export function isPlaceholder(value: string, level: 'light' | 'strict' = 'strict'): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  for (const example of DOCUMENTED_EXAMPLES) if (v.includes(example)) return true;
  if (/x{4,}|X{4,}|\*{3,}|EXAMPLE|\[redacted\]|\.\.\.|…/i.test(v)) return true;
  if (/^\$\{\{.*\}\}$/.test(v) || v.includes('${{')) return true;
  if (/^\$[A-Za-z_][A-Za-z0-9_]*$/.test(v) || /^\$\{[^}]*\}$/.test(v) || /^\$\(.*\)$/.test(v)) return true;
  if (
    /^%[A-Za-z_][A-Za-z0-9_]*%$/.test(v) ||
    /^\{\{.*\}\}$/.test(v) ||
    /^<[^<>]*>$/.test(v) ||
    /^\{[A-Za-z_]+\}$/.test(v)
  )
    return true;
  if (/^(?:process\.)?env[.[]/i.test(v) || /^(?:var|local|data|module|secrets|vars|inputs)\./.test(v)) return true;
  if (/^(.)\1+$/.test(v)) return true;
  if (distinctChars(v) <= 3) return true;
  if (level === 'light') return false;
  return PLACEHOLDER_WORDS.test(v);
}

export function distinctChars(text: string): number {
  return new Set(text).size;
}
