import picomatch from 'picomatch';

interface IgnoreRule {
  match: (path: string) => boolean;
  negate: boolean;
  directoryOnly: boolean;
}

/**
 * The rules of one .gitignore file, matched against paths relative to the folder that holds it.
 * A pattern with a slash (other than a trailing one) is anchored to that folder; one without
 * matches a name at any depth; a trailing slash matches folders only; `!` re-includes.
 */
export class GitignoreRules {
  private readonly rules: IgnoreRule[] = [];

  constructor(text: string) {
    for (const raw of text.split(/\r?\n/)) {
      let line = raw.replace(/(?<!\\)\s+$/, '');
      if (line === '' || line.startsWith('#')) continue;
      let negate = false;
      if (line.startsWith('!')) {
        negate = true;
        line = line.slice(1);
      } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
        line = line.slice(1);
      }
      const directoryOnly = line.endsWith('/');
      if (directoryOnly) line = line.slice(0, -1);
      if (line === '') continue;
      const anchored = line.includes('/');
      if (line.startsWith('/')) line = line.slice(1);
      const glob = anchored ? line : `**/${line}`;
      this.rules.push({ match: picomatch(glob, { dot: true }), negate, directoryOnly });
    }
  }

  /** true: ignored, false: re-included, undefined: no rule says. */
  verdict(relativePath: string, isDirectory: boolean): boolean | undefined {
    let verdict: boolean | undefined;
    for (const rule of this.rules) {
      if (rule.directoryOnly && !isDirectory) continue;
      if (rule.match(relativePath)) verdict = !rule.negate;
    }
    return verdict;
  }
}

/** The .gitignore files in effect in one folder, outermost first. */
export class IgnoreStack {
  constructor(private readonly layers: ReadonlyArray<{ base: string; rules: GitignoreRules }> = []) {}

  with(base: string, rules: GitignoreRules): IgnoreStack {
    return new IgnoreStack([...this.layers, { base, rules }]);
  }

  /** Whether a workspace-relative path is ignored; deeper .gitignore files win, as in git. */
  ignores(path: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const { base, rules } of this.layers) {
      const relative = base === '' ? path : path.startsWith(`${base}/`) ? path.slice(base.length + 1) : undefined;
      if (relative === undefined) continue;
      const verdict = rules.verdict(relative, isDirectory);
      if (verdict !== undefined) ignored = verdict;
    }
    return ignored;
  }
}
