import { UsageError } from '@gatehouse/findings';

/** Nothing shorter than this is registered on its own: it would redact ordinary words. */
export const MIN_SECRET_LENGTH = 8;

/** The forms in which a registered value is recognised, each as a latin1 string (one char per byte). */
export type EncodingName =
  | 'raw'
  | 'base64'
  | 'base64url'
  | 'hex'
  | 'hex-upper'
  | 'url'
  | 'json'
  | 'js-single'
  | 'shell-single'
  | 'shell-double'
  | 'shell-escaped';

export interface EncodedForm {
  encoding: EncodingName;
  /** latin1 string of the encoded bytes. */
  text: string;
}

/**
 * Base64 of `bytes` as it appears inside a longer encoded stream that starts `alignment` bytes
 * earlier: only the characters that depend on `bytes` alone. That covers the value with or without
 * padding, with its last character trimmed, and followed by a newline or anything else.
 */
export function base64Core(bytes: Buffer, alignment: 0 | 1 | 2, alphabet: 'base64' | 'base64url' = 'base64'): string {
  const padded = Buffer.concat([Buffer.alloc(alignment), bytes]);
  const encoded = padded.toString(alphabet).replace(/=+$/, '');
  const first = Math.ceil((8 * alignment) / 6);
  const last = Math.floor((8 * (alignment + bytes.length)) / 6);
  return encoded.slice(first, last);
}

function jsonEscape(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

function jsEscapeAscii(value: string): string {
  return jsonEscape(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function utf8AsLatin1(value: string): string {
  return Buffer.from(value, 'utf8').toString('latin1');
}

/** Every listed encoding of one value, de-duplicated. */
export function encodedForms(value: string): EncodedForm[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms: EncodedForm[] = [];
  const seen = new Set<string>();
  const add = (encoding: EncodingName, text: string, latin1 = false): void => {
    const asBytes = latin1 ? text : utf8AsLatin1(text);
    if (asBytes.length < MIN_SECRET_LENGTH || seen.has(asBytes)) return;
    seen.add(asBytes);
    forms.push({ encoding, text: asBytes });
  };
  add('raw', value);
  for (const alignment of [0, 1, 2] as const) {
    for (const alphabet of ['base64', 'base64url'] as const) {
      const core = base64Core(bytes, alignment, alphabet);
      add(alphabet, core, true);
      // A value whose length fills whole groups ends on a full character; trimmed, that one goes.
      add(alphabet, core.slice(0, -1), true);
    }
  }
  add('hex', bytes.toString('hex'), true);
  add('hex-upper', bytes.toString('hex').toUpperCase(), true);
  const url = encodeURIComponent(value);
  add('url', url);
  add(
    'url',
    url.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  );
  add('url', url.replace(/%20/g, '+'));
  add(
    'url',
    encodeURIComponent(value).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  );
  add('json', jsonEscape(value));
  add('json', jsonEscape(value).replace(/\//g, '\\/'));
  add('json', jsEscapeAscii(value));
  add(
    'js-single',
    value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t'),
  );
  add('shell-single', value.replace(/'/g, `'\\''`));
  add('shell-single', value.replace(/'/g, `'"'"'`));
  add('shell-double', value.replace(/[\\"$`]/g, '\\$&'));
  add(
    'shell-escaped',
    value.replace(/[^A-Za-z0-9_.,:/@%+=-]/g, (c) => (c === '\n' ? "$'\\n'" : `\\${c}`)),
  );
  return forms;
}

/**
 * The values to register for one secret: the whole value and, for a multi-line value, each line
 * of at least MIN_SECRET_LENGTH characters. Shorter values register nothing.
 */
export function registrableValues(secret: string): string[] {
  const values = new Set<string>();
  const whole = secret.replace(/\r\n/g, '\n').replace(/^\n+|\n+$/g, '');
  if (whole.trim().length >= MIN_SECRET_LENGTH) values.add(whole);
  if (whole.includes('\n')) {
    for (const line of whole.split('\n')) {
      const trimmed = line.trim();
      if (trimmed.length >= MIN_SECRET_LENGTH) values.add(trimmed);
    }
  }
  return [...values];
}

/**
 * The `secrets` input: a JSON object (such as `${{ toJSON(secrets) }}`) read as its string
 * values — the way to pass multi-line secrets — or otherwise one secret per line.
 */
export function parseSecretsInput(text: string, input = 'secrets'): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      throw new UsageError(`Input '${input}' starts with '{' but is not valid JSON (${(error as Error).message}).`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new UsageError(`Input '${input}' must be a JSON object of name to secret, or one secret per line.`);
    }
    return Object.values(parsed as Record<string, unknown>)
      .filter((value): value is string | number => typeof value === 'string' || typeof value === 'number')
      .map(String);
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

const SECRET_NAME_PARTS =
  /(?:TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|PWD|KEY|CREDENTIALS?|AUTH|APIKEY|PRIVATE|COOKIE|SESSION|SIGNATURE|CERT_?PASS)/;
const NOT_SECRET_SUFFIX =
  /(?:_(?:PATH|FILE|DIR|DIRECTORY|URL_PATH|NAME|USER|USERNAME|TYPE|MODE|ENABLED|LENGTH|SIZE|ALGORITHM|ALG|FORMAT|VERSION|ID|IDS|REGION|HOST|PORT|EXPIRY|EXPIRES|EXPIRATION|TTL|SCOPE|SCOPES|HEADER|FINGERPRINT|KIND|COUNT|URL|URI|ENDPOINT|SERVER))$/;
const NOT_SECRET_NAMES = new Set([
  'KEYBOARD',
  'PWD',
  'OLDPWD',
  'SSH_AUTH_SOCK',
  'XAUTHORITY',
  'GPG_AGENT_INFO',
  'KEYCHAIN',
  'GITHUB_TOKEN_PERMISSIONS',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'RUNNER_TRACKING_ID',
]);

/** Heuristic: does this environment variable name look like it holds a secret? */
export function looksLikeSecretName(name: string): boolean {
  const upper = name.toUpperCase();
  if (NOT_SECRET_NAMES.has(upper) || upper.startsWith('INPUT_')) return false;
  if (NOT_SECRET_SUFFIX.test(upper)) return false;
  if (!SECRET_NAME_PARTS.test(upper)) return false;
  // KEY must be a word of its own or end a word (API_KEY, APIKEY, SSHKEY), not MONKEY-like noise mid-word.
  if (
    !/(?:TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|CREDENTIAL|AUTH|APIKEY|PRIVATE|COOKIE|SESSION|SIGNATURE)/.test(upper)
  ) {
    return (
      /(?:^|_)[A-Z]*KEY(?:$|_)|(?:^|_)PWD$/.test(upper) &&
      !/(?:MONKEY|TURNKEY|HOTKEY|KEYBOARD|KEYWORD|KEYRING|KEYMAP)/.test(upper)
    );
  }
  return true;
}

/** Values that are obviously not secrets, whatever the variable is called. */
export function looksLikeNonSecretValue(value: string): boolean {
  const v = value.trim();
  if (v.length < MIN_SECRET_LENGTH) return true;
  if (/^(?:true|false|yes|no|on|off|null|none|undefined|\*\*\*)$/i.test(v)) return true;
  if (/^\d+(?:\.\d+)*$/.test(v)) return true;
  if (/^(?:~|\.{1,2})?\/[^\s:@]*$/.test(v) || /^[A-Za-z]:\\/.test(v)) return true;
  if (/^https?:\/\/[^\s@]*$/.test(v) && !/[?&](?:token|key|sig|signature|secret|password|code)=/i.test(v)) return true;
  if (new Set(v).size <= 3) return true;
  return false;
}

export interface EnvSecretsOptions {
  /**
   * Which names to read: `auto` (the name heuristic), `none`, or globs such as `*_TOKEN`,
   * `MY_VALUE`; `!GLOB` excludes. `auto` may be combined with globs.
   */
  patterns?: readonly string[];
}

function globToRegExp(glob: string): RegExp {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i');
}

/** Values of environment variables whose names look secret (or match the patterns given). */
export function secretsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  options: EnvSecretsOptions = {},
): Array<{ name: string; value: string }> {
  const patterns = options.patterns?.length ? options.patterns : ['auto'];
  if (patterns.some((p) => p.trim().toLowerCase() === 'none' || p.trim().toLowerCase() === 'false')) return [];
  const auto = patterns.some((p) => p.trim().toLowerCase() === 'auto' || p.trim().toLowerCase() === 'true');
  const include = patterns
    .filter((p) => !p.startsWith('!') && !/^(?:auto|true)$/i.test(p.trim()))
    .map((p) => globToRegExp(p.trim()));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => globToRegExp(p.slice(1).trim()));
  const found: Array<{ name: string; value: string }> = [];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || exclude.some((re) => re.test(name))) continue;
    const named = include.some((re) => re.test(name));
    if (!named && !(auto && looksLikeSecretName(name))) continue;
    if (!named && looksLikeNonSecretValue(value)) continue;
    if (value.trim().length < MIN_SECRET_LENGTH) continue;
    found.push({ name, value });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether the lines registered on their own (8+ characters) hold nearly all of a value. */
function coveredByLines(value: string): boolean {
  const lines = value.split('\n').map((line) => line.trim());
  const total = lines.reduce((sum, line) => sum + line.length, 0);
  const covered = lines.filter((line) => line.length >= MIN_SECRET_LENGTH).reduce((sum, line) => sum + line.length, 0);
  return covered >= total * 0.95;
}

/** Above this length a multi-line value is matched through its lines only (when they cover it). */
const LONG_MULTI_LINE = 512;

export interface KnownValues {
  /** Values registered (the whole values and their lines), longest first. */
  values: string[];
  /**
   * What the front registers with the runner (`::add-mask::`) before any child output: each
   * whole value and each line of a multi-line value of at least 8 characters.
   */
  masks: string[];
  /** How many given secrets were too short to register. */
  skippedShort: number;
}

/** Collects the secrets to register from explicit values and environment values. */
export function collectKnownValues(secrets: readonly string[]): KnownValues {
  const masks = new Set<string>();
  const values = new Set<string>();
  let skippedShort = 0;
  for (const secret of secrets) {
    const registrable = registrableValues(secret);
    if (registrable.length === 0 && secret.trim() !== '') skippedShort++;
    for (const value of registrable) {
      masks.add(value);
      // A long multi-line value (a private key) is matched through its lines, each in every
      // encoding; its whole-value forms would only grow the automaton by kilobytes per form.
      if (!(value.includes('\n') && value.length > LONG_MULTI_LINE && coveredByLines(value))) values.add(value);
    }
  }
  // Longest first, then in code-unit order (localeCompare would cost milliseconds per thousand values).
  const byLength = (a: string, b: string): number => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0);
  return { values: [...values].sort(byLength), masks: [...masks].sort(byLength), skippedShort };
}
