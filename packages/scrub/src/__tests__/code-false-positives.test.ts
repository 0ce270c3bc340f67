import { findingsInText } from '../file-scan.js';
import { SecretScanner } from '../scanner.js';

// Lines from ordinary code and lockfiles that once raised findings in an audit of this repository.
const scanner = new SecretScanner();
const rulesIn = (text: string): string[] => findingsInText('f', text, scanner).map((f) => f.ruleId);

describe('ordinary code is not a credential', () => {
  it.each([
    ['a lockfile dependency named *pass', '        "minipass": "^7.1.2",'],
    ['a ternary on a word starting with pass', "out(`gatehouse: ${result.passed ? 'passed' : 'failed'}`);"],
    ['a list of names', "  shaped('bitbucket-app-password', 'bitbucket', 'Bitbucket app password'),"],
    ['a header set from a variable', '    headers.authorization = authorization;'],
    ['a documented, elided runner dump', 'fragment (`"NAME":{"value":"…","isSecret":true}`) is a leak'],
  ])('%s', (_name, line) => {
    expect(rulesIn(line)).toEqual([]);
  });

  it('the same shapes with real values still are', () => {
    expect(rulesIn('login("password", "Tr0ub4dor&3x")')).toContain('secret-leak/quoted-password-assignment');
    expect(rulesIn('db_password = "rootpasswd"')).toContain('secret-leak/quoted-password-assignment');
    expect(rulesIn('headers.Authorization = "Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0"')).toContain(
      'secret-leak/authorization-header',
    );
    expect(rulesIn('{"DEPLOY_KEY":{"value":"qN4!zr8Lp2#w","isSecret":true}}')).toContain(
      'secret-leak/runner-memory-dump',
    );
  });
});
