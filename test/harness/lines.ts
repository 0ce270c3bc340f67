/**
 * Splits a byte stream into lines like .NET's StreamReader.ReadLine (which the runner uses): `\n`,
 * `\r\n` and a lone `\r` each end a line; a final line without a newline is still a line.
 */
export class LineSplitter {
  private pending = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(text: string): void {
    this.pending += text;
    let start = 0;
    for (let i = 0; i < this.pending.length; i++) {
      const c = this.pending[i];
      if (c === '\n') {
        this.onLine(this.pending.slice(start, i));
        start = i + 1;
      } else if (c === '\r') {
        if (i + 1 === this.pending.length) break; // a \n may follow in the next chunk
        this.onLine(this.pending.slice(start, i));
        if (this.pending[i + 1] === '\n') i++;
        start = i + 1;
      }
    }
    this.pending = this.pending.slice(start);
  }

  end(): void {
    if (this.pending.endsWith('\r')) this.pending = this.pending.slice(0, -1);
    if (this.pending) this.onLine(this.pending);
    this.pending = '';
  }
}
