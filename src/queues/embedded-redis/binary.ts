import { spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import { access, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { RuntimeError, UsageError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';

/** Oldest Redis that BullMQ supports well (it relies on 6.2 commands). */
export const MIN_REDIS_VERSION = '6.2.0';

/**
 * Directories searched after PATH: cron jobs, systemd units and `sudo` often
 * run with a PATH that lacks the sbin or Homebrew directories.
 */
export const EXTRA_REDIS_DIRS: readonly string[] = [
  '/usr/bin',
  '/usr/sbin',
  '/usr/local/bin',
  '/opt/homebrew/bin',
];

const MISSING_HINT =
  process.platform === 'darwin'
    ? 'brew install redis'
    : 'apt-get install redis-server';

/**
 * Locate an executable `redis-server`.
 *
 * @param searchPath - a PATH-style list of directories.
 * @param extraDirs - searched after `searchPath`.
 * @returns the absolute path, or null when there is none.
 */
export async function findRedisServer(
  searchPath: string = process.env.PATH ?? '',
  extraDirs: readonly string[] = EXTRA_REDIS_DIRS,
): Promise<string | null> {
  return findExecutable('redis-server', searchPath, extraDirs);
}

/** Options for {@link ensureRedisServer}. */
export interface EnsureRedisServerOptions {
  /** Install from the OS packages when missing (root on Debian/Ubuntu only). */
  install: boolean;
  /**
   * Where to look; tests pass a PATH without redis.
   * @defaultValue process.env.PATH
   */
  searchPath?: string;
  /** @defaultValue {@link EXTRA_REDIS_DIRS} */
  extraDirs?: readonly string[];
  /**
   * The policy-rc.d used to keep apt from starting a system daemon.
   * @defaultValue '/usr/sbin/policy-rc.d'
   */
  policyRcPath?: string;
}

/**
 * Return the path of a usable `redis-server` (≥ 6.2), installing it from the
 * OS packages when allowed and possible.
 *
 * @throws UsageError `redis_missing` when there is none and it cannot be
 *   installed; `redis_version` when the binary is too old.
 * @throws RuntimeError `redis_start` when the installation itself fails.
 */
export async function ensureRedisServer(
  logger: Logger,
  opts: EnsureRedisServerOptions,
): Promise<string> {
  const searchPath = opts.searchPath ?? process.env.PATH ?? '';
  const extraDirs = opts.extraDirs ?? EXTRA_REDIS_DIRS;
  let binary = await findRedisServer(searchPath, extraDirs);
  if (binary === null) {
    const aptGet = await findExecutable('apt-get', searchPath, extraDirs);
    const isRoot = process.getuid?.() === 0;
    if (!opts.install || aptGet === null || !isRoot) {
      throw new UsageError(
        `redis: redis-server not found; install it (${MISSING_HINT}) or ` +
          'set REDIS_URL to an existing Redis >= 6.2',
        'redis_missing',
      );
    }
    await aptInstallRedis(logger, aptGet, opts.policyRcPath);
    binary = await findRedisServer(searchPath, extraDirs);
    if (binary === null) {
      throw new RuntimeError(
        'redis: apt-get installed redis-server but no redis-server binary ' +
          `was found on PATH or in ${extraDirs.join(', ')}`,
        'redis_start',
      );
    }
    logger.info({ binary }, 'redis-server installed');
  }
  const version = await binaryVersion(binary);
  // An unparsable banner is not fatal: the server is checked again over the
  // wire with assertRedisVersion once it runs.
  if (version !== null && compareVersions(version, MIN_REDIS_VERSION) < 0) {
    throw new UsageError(
      `redis: ${binary} is version ${version}, but troopwatch needs Redis ` +
        '>= 6.2; install a newer one or set REDIS_URL to a Redis >= 6.2',
      'redis_version',
    );
  }
  return binary;
}

/**
 * Check that the server behind `client` is Redis (or Valkey, which reports a
 * compatible `redis_version`) 6.2 or newer.
 *
 * @returns the reported `redis_version`.
 * @throws UsageError `redis_version` when it is older or unknown.
 */
export async function assertRedisVersion(client: Redis): Promise<string> {
  const info = await client.info('server');
  const version = /^redis_version:(\S+)/m.exec(info)?.[1];
  if (version === undefined) {
    throw new UsageError(
      'redis: the server did not report redis_version in INFO server; ' +
        'troopwatch needs Redis >= 6.2',
      'redis_version',
    );
  }
  if (compareVersions(version, MIN_REDIS_VERSION) < 0) {
    throw new UsageError(
      `redis: the server runs Redis ${version}, but troopwatch needs ` +
        'Redis >= 6.2 (BullMQ relies on newer commands)',
      'redis_version',
    );
  }
  return version;
}

/**
 * Compare dotted numeric versions ("7.0.15" vs "6.2.0"); missing or
 * non-numeric parts count as 0.
 *
 * @returns negative, zero or positive like a sort comparator.
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((p) => Number.parseInt(p, 10) || 0);
  const pb = b.split('.').map((p) => Number.parseInt(p, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

async function findExecutable(
  name: string,
  searchPath: string,
  extraDirs: readonly string[],
): Promise<string | null> {
  const dirs = [...searchPath.split(path.delimiter), ...extraDirs];
  for (const dir of dirs) {
    // Empty PATH entries mean "current directory", which we never want to
    // run a server binary from.
    if (dir === '' || !path.isAbsolute(dir)) continue;
    const candidate = path.join(dir, name);
    try {
      await access(candidate, fsConstants.X_OK);
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // Not here; keep looking.
    }
  }
  return null;
}

/** `redis-server --version` prints "Redis server v=7.0.15 sha=…". */
async function binaryVersion(binary: string): Promise<string | null> {
  try {
    const { stdout } = await run(binary, ['--version'], process.env, 10_000);
    return /\bv=(\d+\.\d+(?:\.\d+)?)/.exec(stdout)?.[1] ?? null;
  } catch {
    return null;
  }
}

const POLICY_MARKER = '# troopwatch: temporary, removed after installing';

async function aptInstallRedis(
  logger: Logger,
  aptGet: string,
  policyRcPath = '/usr/sbin/policy-rc.d',
): Promise<void> {
  logger.info('Installing redis-server from the OS packages…');
  // The package's maintainer scripts would otherwise start a system daemon
  // on 127.0.0.1:6379. policy-rc.d exit 101 ("action forbidden") stops both
  // invoke-rc.d and deb-systemd-invoke; RUNLEVEL=1 additionally makes
  // sysvinit's runlevel check refuse the start. We only add policy-rc.d when
  // none exists (Docker images ship one), and remove ours afterwards so the
  // system's behaviour is not changed permanently.
  const addedPolicy = await addPolicyRc(policyRcPath);
  const env = {
    ...process.env,
    DEBIAN_FRONTEND: 'noninteractive',
    RUNLEVEL: '1',
  };
  try {
    logger.info('Running apt-get update…');
    // Wait for a concurrent apt/dpkg run (another troopwatch command, the
    // test setup) instead of failing at once on its lock.
    await runApt(aptGet, ['-o', 'DPkg::Lock::Timeout=300', 'update'], env);
    logger.info('Running apt-get install redis-server…');
    await runApt(
      aptGet,
      [
        '-o',
        'DPkg::Lock::Timeout=300',
        'install',
        '-y',
        '--no-install-recommends',
        'redis-server',
      ],
      env,
    );
  } finally {
    if (addedPolicy) await removePolicyRc(policyRcPath);
  }
  // Only a warning: the daemon is the package's doing, and stopping or
  // disabling a system service is the administrator's call, not ours.
  if (await portAnswers('127.0.0.1', 6379)) {
    logger.warn(
      'Something now listens on 127.0.0.1:6379 (a system redis-server?); ' +
        'troopwatch does not use it. To stop it: ' +
        'systemctl disable --now redis-server',
    );
  }
}

function portAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.createConnection({ host, port });
    const done = (ok: boolean): void => {
      clearTimeout(timer);
      sock.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), 1_000);
    sock.on('connect', () => done(true));
    sock.on('error', () => done(false));
  });
}

async function addPolicyRc(policyRcPath: string): Promise<boolean> {
  try {
    await writeFile(policyRcPath, `#!/bin/sh\n${POLICY_MARKER}\nexit 101\n`, {
      flag: 'wx',
      mode: 0o755,
    });
    return true;
  } catch {
    // Exists already (kept as is) or the directory is missing; RUNLEVEL=1
    // remains as the guard.
    return false;
  }
}

async function removePolicyRc(policyRcPath: string): Promise<void> {
  try {
    // Re-check the marker so we never delete a policy someone else wrote
    // while apt was running.
    if ((await readFile(policyRcPath, 'utf8')).includes(POLICY_MARKER)) {
      await unlink(policyRcPath);
    }
  } catch {
    // Already gone.
  }
}

async function runApt(
  aptGet: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<void> {
  try {
    await run(aptGet, args, env, 15 * 60_000);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new RuntimeError(
      `redis: installing redis-server failed (apt-get ${args.filter((a) => !a.startsWith('-') && !a.includes('=')).join(' ')}): ${detail}`,
      'redis_start',
      { cause: err },
    );
  }
}

/** Run a command, collecting output; rejects with the stderr tail. */
function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout = (stdout + d).slice(-64_000);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr = (stderr + d).slice(-64_000);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolve({ stdout, stderr });
        return;
      }
      const tail = lastLines(stderr || stdout, 5);
      const how = signal === null ? `exit code ${code}` : `signal ${signal}`;
      reject(new Error(`${how}${tail === '' ? '' : `: ${tail}`}`));
    });
  });
}

function lastLines(text: string, n: number): string {
  return text.trim().split('\n').slice(-n).join(' | ');
}
