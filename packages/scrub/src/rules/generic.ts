import {
  ASSIGNMENT_FOLLOWS,
  followedBy,
  isSpace,
  near,
  shaped,
  startsToken,
  type HitCheck,
  type SecretRule,
} from './types.js';

const critical = { severity: 'critical' as const };

/** Header of a private-key block; the multi-line block itself is followed by the scanner. */
export const PRIVATE_KEY_BEGIN = /-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----/;

function jwtHeaderDecodes(token: string): boolean {
  const header = token.slice(0, token.indexOf('.'));
  try {
    const text = Buffer.from(header, 'base64url').toString('utf8');
    return /^\s*\{/.test(text) && /"(?:alg|typ|kid|enc)"/.test(text);
  } catch {
    return false;
  }
}

function containsJwt(encoded: string): boolean {
  const text = Buffer.from(encoded, 'base64').toString('latin1');
  return /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./.test(text);
}

const PASSWORD_PLACEHOLDER =
  /^(?:\*+|x+|password|passwd|pwd|changeme|user|username|\$\w+|\$\{[^}]*\}|%[\w]+%|<[^>]*>|\{\{[^}]*\}\})$/i;

/**
 * `://user:password@`: the user, a colon, three or more password characters and an at sign; as the
 * sticky regex [^\s:@/'"]+:[^\s@/'"]{3,}@ would, without a regex run for each of the many URLs.
 */
export const URL_CREDENTIALS_FOLLOW: HitCheck = Object.assign(
  (text: string, _start: number, end: number): boolean => {
    const n = text.length;
    let at = end;
    let c = text.charCodeAt(at);
    while (at < n && c !== 58 && !endsUrlPart(c)) c = text.charCodeAt(++at);
    if (at === end || c !== 58) return false;
    const password = ++at;
    c = text.charCodeAt(at);
    while (at < n && !endsUrlPart(c)) c = text.charCodeAt(++at);
    return at - password >= 3 && c === 64;
  },
  { inKernel: 'url-credentials' as const },
);

/** Whitespace, `@`, `/`, or a quote: what neither the user nor the password of a URL holds. */
function endsUrlPart(c: number): boolean {
  return c === 64 || c === 47 || c === 39 || c === 34 || isSpace(c);
}

/**
 * The names of keys that hold secrets, spelled out as literals (`api_key`, `ACCESS-KEY`): `key` on
 * its own is in every log (`cache key`, `key rotation`) and would queue these rules on each line.
 */
const SECRET_KEY_NAMES = ['api', 'access', 'private', 'auth', 'signing', 'encryption', 'master'].flatMap((name) =>
  ['', '_', '.', '-'].map((separator) => `${name}${separator}key`),
);

/** Only spaces before the keyword since the start of the line (`^\s*password`). */
const FIRST_ON_LINE: HitCheck = (text, start) => {
  let at = start;
  while (at > 0 && (text.charCodeAt(at - 1) === 32 || text.charCodeAt(at - 1) === 9)) at--;
  return at === 0 || text.charCodeAt(at - 1) === 10 || text.charCodeAt(at - 1) === 13;
};

const TEMPLATE_OR_LOCATION = /\$\{|\{\{|^\$[A-Za-z_]|#\{|^(?:arn:|https?:|\/)/;

const SECRET_NAME = String.raw`(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|client[_.-]?secret|auth[_.-]?key|credential|signing[_.-]?key|encryption[_.-]?key|master[_.-]?key)(?:[\w.-]{0,20}?)`;

/** Formats shared by many services, and assignments recognised by their names and entropy. */
export const GENERIC_RULES: SecretRule[] = [
  shaped(
    'private-key',
    'private-key',
    'Private key',
    ['private key'],
    String.raw`(?<secret>-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?:\\r)?(?:\\n|\s)[\s\S]{64,}?-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----)`,
    { ...critical, placeholder: 'none' },
  ),
  shaped(
    'putty-private-key',
    'private-key',
    'PuTTY private key',
    ['private-lines:'],
    String.raw`Private-Lines:\s*\d+(?<secret>(?:\\n|\s)+[A-Za-z0-9+/=]{16,}.*)`,
    { ...critical, placeholder: 'none' },
  ),
  shaped(
    'jwt',
    'jwt',
    'JSON Web Token',
    ['eyj'],
    String.raw`(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{0,}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})(?![A-Za-z0-9_-])`,
    { minEntropy: 3, validate: jwtHeaderDecodes, hitCheck: startsToken('eyj') },
  ),
  shaped(
    'jwt-base64',
    'jwt',
    'Base64-encoded JSON Web Token',
    ['zxlk'],
    String.raw`(?<![A-Za-z0-9+/])(?<secret>ZXlK[A-Za-z0-9+/]{60,}={0,2})`,
    { minEntropy: 3.5, validate: containsJwt, hitCheck: startsToken('zxlk') },
  ),
  shaped(
    'database-url-password',
    'database',
    'Password in a database URL',
    ['://'],
    String.raw`(?i:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|oracle|jdbc:[a-z]+|clickhouse|cockroachdb|couchdb|cassandra|neo4j|memcached|ldaps?|nats|kafka)://[^\s:@/'"]+:(?<secret>[^\s@/'"]{3,})@`,
    {
      ...critical,
      requires: '@',
      hitCheck: URL_CREDENTIALS_FOLLOW,
      placeholder: 'none',
      validate: (s) => !PASSWORD_PLACEHOLDER.test(s) && !/^(?:\$|%|\{|<)/.test(s),
    },
  ),
  shaped(
    'url-credentials',
    'url',
    'Password in a URL',
    ['://'],
    String.raw`(?i:https?|ftps?|sftp|smtps?|git\+https?|ssh|svn|amqp|s3|wss?)://[^\s:@/'"]{1,64}:(?<secret>[^\s@/'"]{3,})@[\w.-]+`,
    {
      requires: '@',
      hitCheck: URL_CREDENTIALS_FOLLOW,
      placeholder: 'none',
      validate: (s) => !PASSWORD_PLACEHOLDER.test(s) && !/^(?:\$|%|\{|<)/.test(s),
    },
  ),
  near(
    'sidekiq-secret',
    'saas',
    'Sidekiq Enterprise credentials',
    'BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM',
    ['contribsys'],
    '[a-f0-9]{8}:[a-f0-9]{8}',
    { ...critical, placeholder: 'light', minEntropy: 2.5 },
  ),
  shaped(
    'sidekiq-sensitive-url',
    'saas',
    'Sidekiq Enterprise credentials in a URL',
    ['contribsys.com'],
    String.raw`(?<secret>[a-f0-9]{8}:[a-f0-9]{8})@(?:gems|enterprise)\.contribsys\.com`,
    critical,
  ),
  shaped(
    'curl-basic-auth',
    'http',
    'Credentials passed to curl -u',
    ['curl'],
    String.raw`\bcurl\b.*?\s(?:-u|--user)\s*['"]?(?<secret>[^\s'":$]{0,64}:[^\s'"]{4,})`,
    {
      placeholder: 'none',
      validate: (s) => {
        const pw = s.slice(s.indexOf(':') + 1);
        const user = s.slice(0, s.indexOf(':'));
        return (
          !PASSWORD_PLACEHOLDER.test(pw) && pw !== user && !/^\$|\$[{(]|[<>[\]]/.test(pw) && !/[<>[\]$]/.test(user)
        );
      },
    },
  ),
  shaped(
    'authorization-header',
    'http',
    'Credentials in an Authorization header',
    ['authorization'],
    String.raw`(?i:authorization)['"]?\s*[:=]\s*['"]?(?:(?i:bearer|basic|token|digest|apikey|sso-key|ssws)\s+)?(?<secret>[A-Za-z0-9._~+/=:-]{8,})`,
    {
      minEntropy: 3,
      placeholder: 'strict',
      // `headers.authorization = authorization`: an identifier (lower or camel case words), not a credential.
      validate: (s) => !/^[a-z]+(?:[A-Z][a-z]+)*$/.test(s),
    },
  ),
  shaped(
    'http-api-key-header',
    'http',
    'API key in an HTTP header',
    ['x-api-key', 'api-key', 'x-auth-token', 'private-token'],
    String.raw`(?i:x-api-key|api-key|x-auth-token|private-token)['"]?\s*:\s*['"]?(?<secret>[A-Za-z0-9._~+/=-]{12,})`,
    { minEntropy: 3, placeholder: 'strict', hitCheck: followedBy(String.raw`['"]?\s*:`) },
  ),
  shaped(
    'runner-memory-dump',
    'runner',
    'Runner secret dumped from memory',
    ['"issecret"'],
    String.raw`"[A-Za-z_][A-Za-z0-9_.-]*"\s*:\s*\{\s*"value"\s*:\s*"(?<secret>(?:[^"\\]|\\.)+)"\s*,\s*"isSecret"\s*:\s*true\s*\}`,
    // Any value is a leak, except one already masked or elided ("***", "...", "…" in any encoding).
    {
      ...critical,
      requires: '"isSecret"',
      placeholder: 'none',
      validate: (s) => !/^(?:\*+|[^A-Za-z0-9]{1,3})$/.test(s),
    },
  ),
  shaped(
    'netrc-password',
    'http',
    'Password in a .netrc entry',
    ['machine'],
    String.raw`\bmachine\s+\S+\s+(?:login\s+\S+\s+)?password\s+(?<secret>\S{4,})`,
    { placeholder: 'strict' },
  ),
  shaped(
    'netrc-password-line',
    'http',
    'Password line of a .netrc entry',
    ['password'],
    String.raw`^\s*password\s+(?<secret>[^\s'"]{4,})\s*$`,
    // A word ending a sentence is prose, not a password.
    { placeholder: 'strict', hitCheck: FIRST_ON_LINE, validate: (s) => /\d/.test(s) && !/[.,;:!?]$/.test(s) },
  ),
  shaped(
    'password-in-prose',
    'generic',
    'Password stated in text',
    ['password'],
    String.raw`(?i:password)(?:\s+for\s+(?:the\s+)?(?:user\s+)?['"]?[\w.@-]+['"]?)?\s+(?i:is|was)\s+['"](?<secret>[^'"\s]{4,64})['"]`,
    {
      placeholder: 'strict',
      hitCheck: followedBy(String.raw`\s+(?:for|is|was)\s`, 'i'),
      validate: (s) => !TEMPLATE_OR_LOCATION.test(s),
    },
  ),
  shaped(
    'password-hash',
    'password-hash',
    'Password hash',
    ['$2a$', '$2b$', '$2y$', '$6$', '$5$', '$1$', '$argon2'],
    String.raw`(?<secret>\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}|\$[56]\$(?:rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}|\$1\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}|\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+)`,
    { severity: 'medium', placeholder: 'none' },
  ),
  shaped(
    'connection-string-password',
    'database',
    'Password in a connection string',
    ['password=', 'pwd='],
    String.raw`(?i:password|pwd)\s*=\s*(?!\$|#\{|%)(?<secret>[^;'"\s]{6,})\s*(?:;|$|['"])`,
    { placeholder: 'strict', minEntropy: 2.5 },
  ),
  // After a comma (an argument or list item) only a value with more than lower-case letters counts:
  // ('bitbucket-app-password', 'bitbucket') names things; ("password", "s3cret!") is a credential.
  shaped(
    'quoted-password-assignment',
    'generic',
    'Password assigned in code or configuration',
    ['pass', 'pwd'],
    String.raw`(?:(?<![a-z])(?i:pass(?:word|wd|phrase)?|pwd)|(?<=[a-z])(?:Pass(?:word|wd|phrase)?|PASS(?:WORD|WD|PHRASE)?|Pwd|PWD))(?![a-z])(?<!id|name|length|variable|url|file|path|type|label|field|hash|policy)(?:[\w.-]{0,20}?)['"\]]?\s*(?:=>|:=|==|!=|=|:|,(?=\s*['"][^'"\s]*[^a-z'"\s]))\s*(?<q>['"])(?<secret>[^'"\s%{}<>][^'"\s]{5,63})\k<q>`,
    {
      placeholder: 'strict',
      hitCheck: ASSIGNMENT_FOLLOWS,
      validate: (s) => new Set(s).size >= 5 && !TEMPLATE_OR_LOCATION.test(s),
    },
  ),
  shaped(
    'env-secret-assignment',
    'generic',
    'Secret assigned to an environment variable',
    ['pass', 'pwd', 'secret', 'token', ...SECRET_KEY_NAMES],
    String.raw`(?:^|\s|;)(?:export\s+|set\s+)?[A-Z0-9_]*(?:PASS|PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_KEY|APIKEY|PRIVATE_KEY|ACCESS_KEY)(?<!_ID|_NAME|_FILE|_PATH|_URL|_TYPE)=(?<secret>[^\s'"$#%{<][^\s'"]{5,})`,
    {
      requires: '=',
      hitCheck: ASSIGNMENT_FOLLOWS,
      placeholder: 'strict',
      validate: (s) => new Set(s).size >= 5 && !/^(?:true|false|null|none|\/|https?:)/i.test(s),
    },
  ),
  shaped(
    'psexec-password',
    'generic',
    'Password passed to PsExec',
    ['psexec'],
    String.raw`(?i:psexec)\S*\s.*?\s-p\s+(?<secret>[^\s$%-][^\s]{3,})`,
    { placeholder: 'strict' },
  ),
  shaped(
    'powercli-password',
    'generic',
    'Password passed to Connect-VIServer',
    ['connect-viserver'],
    String.raw`(?i:connect-viserver)\s.*?(?i:-password)\s+(?<secret>[^\s$"'][^\s]{3,})`,
    { placeholder: 'strict' },
  ),
  shaped(
    'network-credential',
    'generic',
    'Password in a NetworkCredential',
    ['networkcredential'],
    String.raw`NetworkCredential\(\s*"[^"]*"\s*,\s*"(?<secret>[^"]{6,})"`,
    { placeholder: 'strict' },
  ),
  shaped(
    'xml-secret-setting',
    'generic',
    'Secret in an XML setting',
    ['value='],
    String.raw`<add\s+key\s*=\s*"[^"]*(?i:password|secret|token|apikey|api_key)[^"]*"\s+value\s*=\s*"(?<secret>[^"%$]{6,})"`,
    { placeholder: 'strict' },
  ),
  shaped(
    'django-secret-key',
    'generic',
    'Django secret key',
    ['django-insecure-'],
    String.raw`(?<secret>django-insecure-[^\s'"]{30,})`,
    { placeholder: 'none' },
  ),
  shaped(
    'jenkins-crumb',
    'ci',
    'Jenkins crumb',
    ['jenkins-crumb'],
    String.raw`(?i:Jenkins-Crumb)\s*[:=]\s*(?<secret>[a-f0-9]{32,64})`,
  ),
  shaped(
    'kerberos-asrep-hash',
    'password-hash',
    'Kerberos AS-REP or TGS hash',
    ['$krb5asrep$', '$krb5tgs$'],
    String.raw`(?<secret>\$krb5(?:asrep|tgs)\$\d+\$[^$\s]*\$?[a-f0-9]{32}\$[a-f0-9]{64,})`,
    { severity: 'medium', placeholder: 'none' },
  ),
  shaped(
    'cisco-password-hash',
    'password-hash',
    'Cisco type 8/9 password hash',
    ['$8$', '$9$'],
    String.raw`(?<secret>\$[89]\$[./A-Za-z0-9]{14}\$[./A-Za-z0-9]{43})`,
    { severity: 'medium', placeholder: 'none' },
  ),
  shaped(
    'generic-secret-assignment',
    'generic',
    'Secret assigned to a secret-named variable',
    ['pass', 'pwd', 'secret', 'token', 'credential', ...SECRET_KEY_NAMES],
    String.raw`(?i:${SECRET_NAME})(?<!id|name|length|variable|url|file|path|type|size|format|count|prefix|header)(?:['"\x60\]\s]{0,3})(?:[:?.|]{0,3}=>?|:|,|=>)\s{0,8}(?:[\x60'"]|\\")?(?<secret>[A-Za-z0-9_~+/=.!@#%^&*?-]{10,200})(?=\\?['"\x60\s;,)\]}<>&|\\]|$)`,
    { minEntropy: 3.3, placeholder: 'strict', hitCheck: ASSIGNMENT_FOLLOWS, validate: looksGenerated },
  ),
];

/** A generic value must look machine-made: digits or mixed case, not a dotted name or a path. */
function looksGenerated(value: string): boolean {
  if (/^[a-z]+(?:[._-][a-z]+)*$/i.test(value)) return false;
  if (/^(?:\/|\.\/|~\/|arn:|https?:)/.test(value)) return false;
  if (/^[\w-]+(?:\.[\w-]+){2,}$/.test(value) && !/\d{3}/.test(value)) return false;
  if (/^(?:true|false|null|none|undefined)$/i.test(value)) return false;
  if (/^\d+(?:\.\d+)*$/.test(value)) return false;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) && /id$/i.test(value)) return false;
  const digits = /\d/.test(value);
  const upper = /[A-Z]/.test(value);
  const lower = /[a-z]/.test(value);
  return (digits && (upper || lower)) || (upper && lower && value.length >= 16);
}
