import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { seededPublicGoodTrustedRoot } from '@gatehouse/sigstore';

/**
 * The sigstore-conformance CLI protocol, spoken to `gatehouse verify`:
 *   verify --bundle B --certificate-identity I --certificate-oidc-issuer O [--trusted-root T] [--key K] FILE
 * maps to
 *   gatehouse verify --bundle-path B --certificate-identity I --certificate-oidc-issuer O
 *                    --trusted-root T|<public-good seed> [--public-key K] FILE
 * Without --trusted-root the suite means the public-good instance; offline we give the root shipped
 * in @sigstore/tuf's TUF seed as an explicit trusted root (gatehouse itself would update it over TUF).
 */
export function toGatehouseArgs(protocolArgs: readonly string[], publicGoodRootPath: string): string[] {
  const [command, ...rest] = protocolArgs;
  if (command !== 'verify') throw new Error(`adapter: only 'verify' is supported (got ${command})`);
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index]!;
    if (arg.startsWith('--')) flags.set(arg.slice(2), rest[++index]!);
    else positional.push(arg);
  }
  const args = [
    'verify',
    '--bundle-path',
    flags.get('bundle')!,
    '--trusted-root',
    flags.get('trusted-root') ?? publicGoodRootPath,
  ];
  if (flags.has('key')) args.push('--public-key', flags.get('key')!);
  else
    args.push(
      '--certificate-identity',
      flags.get('certificate-identity')!,
      '--certificate-oidc-issuer',
      flags.get('certificate-oidc-issuer')!,
    );
  return [...args, ...positional];
}

export function writePublicGoodRoot(dir: string): string {
  const path = join(dir, 'public-good.trusted_root.json');
  writeFileSync(path, JSON.stringify(TrustedRoot.toJSON(seededPublicGoodTrustedRoot().root)));
  return path;
}

export function runNode(
  script: string,
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
