/**
 * The runner's secret masker: every registered value, and the encodings the runner derives from it
 * (base64 at byte offsets 0/1/2, JSON, URI data, XML, quote escapes), is replaced by `***` in each
 * line written to the log after the value was registered. Overlapping and adjacent matches merge
 * into one `***`, as in the runner's SecretMasker.
 */
export class SecretMasker {
  private readonly originals = new Set<string>();
  private readonly variations = new Set<string>();

  add(value: string): void {
    if (!value || this.originals.has(value)) return;
    this.originals.add(value);
    this.variations.add(value);
    for (const variation of encodedVariations(value)) if (variation) this.variations.add(variation);
  }

  get values(): string[] {
    return [...this.originals];
  }

  mask(line: string): string {
    if (!line || this.variations.size === 0) return line;
    const ranges: Array<[number, number]> = [];
    for (const secret of this.variations) {
      for (let at = line.indexOf(secret); at >= 0; at = line.indexOf(secret, at + 1))
        ranges.push([at, at + secret.length]);
    }
    if (ranges.length === 0) return line;
    ranges.sort((a, b) => a[0] - b[0]);
    let out = '';
    let cursor = 0;
    let current = [...ranges[0]!] as [number, number];
    const flush = (): void => {
      out += line.slice(cursor, current[0]) + '***';
      cursor = current[1];
    };
    for (const range of ranges.slice(1)) {
      if (range[0] <= current[1]) current[1] = Math.max(current[1], range[1]);
      else {
        flush();
        current = [...range] as [number, number];
      }
    }
    flush();
    return out + line.slice(cursor);
  }
}

function encodedVariations(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const shifted = (shift: number): string => (bytes.length > shift ? bytes.subarray(shift) : bytes).toString('base64');
  return [
    shifted(0),
    shifted(1),
    shifted(2),
    value.replaceAll('"', '\\"'),
    value.replaceAll("'", "''"),
    JSON.stringify(value).slice(1, -1),
    uriDataEscape(value),
    xmlEscape(value),
    value.length > 8 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : '',
  ];
}

/** .NET Uri.EscapeDataString: everything but RFC 3986 unreserved characters is percent-encoded. */
function uriDataEscape(value: string): string {
  try {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return '';
  }
}

/** .NET SecurityElement.Escape. */
function xmlEscape(value: string): string {
  const map: Record<string, string> = { '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '&': '&amp;' };
  return value.replace(/[<>"'&]/g, (c) => map[c]!);
}
