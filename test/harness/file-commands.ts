/**
 * The runner's environment files (FileCommandManager.cs in actions/runner): GITHUB_OUTPUT,
 * GITHUB_ENV and GITHUB_STATE hold `name=value` lines and `name<<DELIMITER` heredocs; GITHUB_PATH
 * holds one directory a line. On Linux only `\n` ends a line (a `\r` stays in the value).
 */

/** Parses `name=value` and heredoc entries; throws the runner's message on a malformed file. */
export function parseKeyValueFile(text: string, kind = 'environment variable'): Record<string, string> {
  const values: Record<string, string> = {};
  let index = 0;
  const readLine = (): string | undefined => {
    if (index >= text.length) return undefined;
    const lf = text.indexOf('\n', index);
    const line = lf < 0 ? text.slice(index) : text.slice(index, lf);
    index = lf < 0 ? text.length : lf + 1;
    return line;
  };
  for (let line = readLine(); line !== undefined; line = readLine()) {
    if (!line) continue;
    const equals = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      const name = line.slice(0, equals);
      if (!name) throw new Error(`Invalid ${kind} format '${line}'. ${capitalize(kind)} name must not be empty`);
      values[name] = line.slice(equals + 1);
    } else if (heredoc >= 0) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (!name || !delimiter) {
        throw new Error(
          `Invalid ${kind} format '${line}'. ${capitalize(kind)} name must not be empty and delimiter must not be empty`,
        );
      }
      const start = index;
      let end = index;
      for (let next = readLine(); next !== delimiter; next = readLine()) {
        if (next === undefined) throw new Error(`Invalid ${kind} value. Matching delimiter not found '${delimiter}'`);
        end = index - (text[index - 1] === '\n' ? 1 : 0);
      }
      values[name] = end > start ? text.slice(start, end) : '';
    } else {
      throw new Error(`Invalid ${kind} format '${line}'`);
    }
  }
  return values;
}

/** GITHUB_PATH: each non-empty line is a directory to prepend to PATH for later steps. */
export function parsePathFile(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
