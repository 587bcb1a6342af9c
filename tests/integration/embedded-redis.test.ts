/**
 * The embedded redis-server against a real redis-server binary: no mocks.
 * Cross-process cases run small child Node processes on a transpiled copy
 * of the same sources, because ownership is decided per process.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import {
  chmod,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import ts from 'typescript';
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  inject,
  it,
} from 'vitest';
import { LOCK_FILE } from '../../src/queues/embedded-redis/lock.js';
import { redisPids } from '../helpers/processes.js';
import {
  startEmbeddedRedis,
  type EmbeddedRedis,
} from '../../src/queues/embedded-redis/start.js';
import {
  assertRedisVersion,
  ensureRedisServer,
} from '../../src/queues/embedded-redis/binary.js';
import { UsageError } from '../../src/shared/errors.js';
import { createLogger } from '../../src/shared/logger.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const logger = createLogger({ level: 'silent' });

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

/** A fresh data dir; its servers are stopped and it is removed afterwards. */
async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tw-emb-'));
  const dataDir = path.join(dir, 'data');
  cleanups.push(async () => {
    // Whatever a failing test left running in this dir.
    for (const pid of await redisPids(dir)) process.kill(pid, 'SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });
  return dataDir;
}

async function start(dataDir: string): Promise<EmbeddedRedis> {
  const redis = await startEmbeddedRedis({ dataDir, logger });
  cleanups.push(async () => {
    await redis.stop();
    // The socket may live in tmpdir, outside the test's dir.
    for (const pid of await redisPids(redis.socketPath)) {
      process.kill(pid, 'SIGKILL');
    }
  });
  return redis;
}

/**
 * Running and not a zombie: this container's PID 1 does not reap orphans,
 * so a redis whose parent was killed lingers as a zombie after exiting.
 */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const st = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return st.charAt(st.lastIndexOf(')') + 2) !== 'Z';
  } catch {
    return false;
  }
}

async function waitFor(
  what: string,
  cond: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() >= deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function withClient<T>(
  socketPath: string,
  fn: (client: Redis) => Promise<T>,
): Promise<T> {
  const client = new Redis({ path: socketPath, maxRetriesPerRequest: 1 });
  try {
    return await fn(client);
  } finally {
    client.disconnect();
  }
}

/** A pid that surely belongs to no process (it has just exited). */
async function deadPid(): Promise<number> {
  const child = spawn('true');
  await once(child, 'exit');
  return child.pid as number;
}

// --- child processes ---------------------------------------------------------

let harnessDir = '';

/** Transpile the sources the children need into a throwaway tree. */
async function buildHarness(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tw-emb-harness-'));
  const moduleDir = 'src/queues/embedded-redis';
  const sources = [
    ...(await readdir(path.join(ROOT, moduleDir)))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => `${moduleDir}/${name}`),
    'src/shared/errors.ts',
    'src/shared/logger.ts',
  ];
  for (const rel of sources) {
    const source = await readFile(path.join(ROOT, rel), 'utf8');
    const out = ts.transpileModule(source, {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
      },
    });
    const target = path.join(dir, rel.replace(/\.ts$/, '.js'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, out.outputText);
  }
  // The module finds its config at ../../../infra/redis.conf.
  await mkdir(path.join(dir, 'infra'));
  await writeFile(
    path.join(dir, 'infra/redis.conf'),
    await readFile(path.join(ROOT, 'infra/redis.conf')),
  );
  await symlink(
    path.join(ROOT, 'node_modules'),
    path.join(dir, 'node_modules'),
  );
  await writeFile(
    path.join(dir, 'package.json'),
    JSON.stringify({ type: 'module' }),
  );
  await writeFile(
    path.join(dir, 'child.js'),
    `import { startEmbeddedRedis } from './src/queues/embedded-redis/start.js';
import { createLogger } from './src/shared/logger.js';
import { createInterface } from 'node:readline';
const logger = createLogger({ level: 'silent' });
try {
  const r = await startEmbeddedRedis({ dataDir: process.argv[2], logger });
  const { owned, pid, socketPath } = r;
  console.log(JSON.stringify({ owned, pid, socketPath }));
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'stop') { await r.stop(); console.log('"stopped"'); }
  }
} catch (err) {
  console.log(JSON.stringify({ error: String(err) }));
  process.exit(1);
}
`,
  );
  return dir;
}

interface Child {
  proc: ChildProcessWithoutNullStreams;
  next(): Promise<unknown>;
  send(line: string): void;
}

function startChild(dataDir: string, detached = false): Child {
  const proc = spawn(process.execPath, ['child.js', dataDir], {
    cwd: harnessDir,
    // Detached = its own process group, like a command run from a shell.
    detached,
  });
  cleanups.push(async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGKILL');
      await once(proc, 'exit');
    }
  });
  const lines = createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
  return {
    proc,
    async next() {
      const { value, done } = await lines.next();
      if (done) throw new Error('child exited without output');
      return JSON.parse(value as string);
    },
    send(line) {
      proc.stdin.write(`${line}\n`);
    },
  };
}

beforeAll(async () => {
  harnessDir = await buildHarness();
});

afterAll(async () => {
  await rm(harnessDir, { recursive: true, force: true });
});

// --- tests -------------------------------------------------------------------

describe('startEmbeddedRedis', { timeout: 30_000 }, () => {
  it('starts a private server on a unix socket with an AOF', async () => {
    const dataDir = await tempDataDir();
    const redis = await start(dataDir);

    expect(redis.owned).toBe(true);
    expect(redis.socketPath).toBe(path.join(dataDir, 'redis.sock'));
    expect(redis.url).toBe(`unix://${redis.socketPath}`);
    expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
    expect((await stat(redis.socketPath)).isSocket()).toBe(true);
    expect((await stat(redis.socketPath)).mode & 0o777).toBe(0o700);
    expect(await exists(path.join(dataDir, 'redis.log'))).toBe(true);
    expect(await exists(path.join(dataDir, LOCK_FILE))).toBe(true);
    // Redis 7 keeps a directory of AOF parts; 6.2 a single file.
    const aof =
      (await exists(path.join(dataDir, 'appendonlydir'))) ||
      (await exists(path.join(dataDir, 'appendonly.aof')));
    expect(aof).toBe(true);

    await withClient(redis.socketPath, async (client) => {
      expect(await assertRedisVersion(client)).toMatch(/^\d+\.\d+\.\d+/);
      const config = await client.config('GET', 'maxmemory-policy');
      expect(config).toEqual(['maxmemory-policy', 'noeviction']);
      expect(await client.config('GET', 'port')).toEqual(['port', '0']);
      expect(await client.config('GET', 'appendfsync')).toEqual([
        'appendfsync',
        'everysec',
      ]);
    });
  });

  it('keeps data across stop and restart (AOF)', async () => {
    const dataDir = await tempDataDir();
    const first = await start(dataDir);
    await withClient(first.socketPath, (c) => c.set('survives', 'yes'));
    await first.stop();

    expect(alive(first.pid)).toBe(false);
    expect(await exists(path.join(dataDir, LOCK_FILE))).toBe(false);
    expect(await exists(first.socketPath)).toBe(false);

    const second = await start(dataDir);
    expect(second.owned).toBe(true);
    expect(second.pid).not.toBe(first.pid);
    expect(await withClient(second.socketPath, (c) => c.get('survives'))).toBe(
      'yes',
    );
  });

  it('stop is idempotent', async () => {
    const redis = await start(await tempDataDir());
    await Promise.all([redis.stop(), redis.stop()]);
    await redis.stop();
    expect(alive(redis.pid)).toBe(false);
  });

  it('reuses the running server instead of starting a second one', async () => {
    const dataDir = await tempDataDir();
    const owner = await start(dataDir);
    const user = await start(dataDir);

    expect(user.owned).toBe(false);
    expect(user.socketPath).toBe(owner.socketPath);
    expect(user.pid).toBe(owner.pid);
    expect(await redisPids(owner.socketPath)).toEqual([owner.pid]);

    await user.stop(); // A user's stop leaves the server alone.
    expect(await withClient(owner.socketPath, (c) => c.ping())).toBe('PONG');

    await owner.stop();
    await waitFor('server exit', () => !alive(owner.pid));
    expect(await exists(path.join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('hands the server over when the owner stops first', async () => {
    const dataDir = await tempDataDir();
    const owner = await start(dataDir);
    const user = await start(dataDir);

    await owner.stop();
    expect(alive(owner.pid)).toBe(true);
    expect(await withClient(user.socketPath, (c) => c.ping())).toBe('PONG');

    await user.stop();
    expect(alive(owner.pid)).toBe(false);
    expect(await exists(path.join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('concurrent starts in one process share one server', async () => {
    const dataDir = await tempDataDir();
    const handles = await Promise.all(
      Array.from({ length: 5 }, () => start(dataDir)),
    );
    expect(handles.filter((h) => h.owned)).toHaveLength(1);
    expect(new Set(handles.map((h) => h.pid)).size).toBe(1);
    expect(await redisPids(handles[0]!.socketPath)).toEqual([handles[0]!.pid]);
  });

  it('concurrent starts in separate processes share one server', async () => {
    const dataDir = await tempDataDir();
    const children = Array.from({ length: 4 }, () => startChild(dataDir));
    const results = (await Promise.all(
      children.map((c) => c.next()),
    )) as Array<{ owned: boolean; pid: number; socketPath: string }>;

    expect(results.filter((r) => r.owned)).toHaveLength(1);
    expect(new Set(results.map((r) => r.pid)).size).toBe(1);
    const { pid, socketPath } = results[0]!;
    expect(await redisPids(socketPath)).toEqual([pid]);

    // Owner first: the server must survive for the others, and the last one
    // out shuts it down.
    const order = [...children].sort(
      (a, b) =>
        Number(results[children.indexOf(b)]!.owned) -
        Number(results[children.indexOf(a)]!.owned),
    );
    for (const [i, child] of order.entries()) {
      child.send('stop');
      expect(await child.next()).toBe('stopped');
      if (i < order.length - 1) {
        expect(await withClient(socketPath, (c) => c.ping())).toBe('PONG');
      }
    }
    await waitFor('server exit', () => !alive(pid));
    expect(await exists(path.join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('takes over a server whose owner process was killed', async () => {
    const dataDir = await tempDataDir();
    const child = startChild(dataDir);
    const first = (await child.next()) as { owned: boolean; pid: number };
    expect(first.owned).toBe(true);
    child.proc.kill('SIGKILL');
    await once(child.proc, 'exit');
    expect(alive(first.pid)).toBe(true); // Detached: redis lives on.

    const redis = await start(dataDir);
    expect(redis.owned).toBe(true);
    expect(redis.pid).toBe(first.pid);

    await redis.stop();
    await waitFor('server exit', () => !alive(first.pid));
    expect(await exists(path.join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('Ctrl-C to the command does not reach its redis-server', async () => {
    const dataDir = await tempDataDir();
    const child = startChild(dataDir, true);
    const first = (await child.next()) as { owned: boolean; pid: number };
    // What the terminal does on Ctrl-C: SIGINT to the foreground group.
    process.kill(-(child.proc.pid as number), 'SIGINT');
    await once(child.proc, 'exit');
    expect(alive(first.pid)).toBe(true);
    const redis = await start(dataDir);
    expect(redis.pid).toBe(first.pid);
  });

  it('replaces a stale lock whose server and owner are gone', async () => {
    const dataDir = await tempDataDir();
    const crashed = await startEmbeddedRedis({ dataDir, logger });
    await withClient(crashed.socketPath, async (c) => {
      await c.set('kept', '1');
      // Let the everysec fsync happen before the crash we simulate.
      await c.call('BGREWRITEAOF');
    });
    await waitFor('AOF rewrite', async () =>
      withClient(crashed.socketPath, async (c) =>
        /aof_rewrite_in_progress:0/.test(await c.info('persistence')),
      ),
    );
    process.kill(crashed.pid, 'SIGKILL');
    await waitFor('crash', () => !alive(crashed.pid));
    // The owner "died" too: rewrite the lock as if a dead process held it.
    const lockPath = path.join(dataDir, LOCK_FILE);
    const lock = JSON.parse(await readFile(lockPath, 'utf8'));
    await writeFile(
      lockPath,
      JSON.stringify({ ...lock, ownerPid: await deadPid() }),
    );
    expect(await exists(crashed.socketPath)).toBe(true); // Left behind.

    const redis = await start(dataDir);
    expect(redis.owned).toBe(true);
    expect(redis.pid).not.toBe(crashed.pid);
    expect(await withClient(redis.socketPath, (c) => c.get('kept'))).toBe('1');
  });

  it('replaces a lock left empty by a crash', async () => {
    const dataDir = await tempDataDir();
    await mkdir(dataDir, { recursive: true });
    const lockPath = path.join(dataDir, LOCK_FILE);
    await writeFile(lockPath, '');
    const old = new Date(Date.now() - 60_000);
    await utimes(lockPath, old, old);

    const redis = await start(dataDir);
    expect(redis.owned).toBe(true);
  });

  it('fails with redis_start and the log tail on failure', async () => {
    const dataDir = await tempDataDir();
    // A directory where the socket should be: redis cannot bind.
    await mkdir(path.join(dataDir, 'redis.sock'), { recursive: true });

    const err = await startEmbeddedRedis({ dataDir, logger }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'redis_start' });
    expect((err as Error).message).toMatch(/redis\.log/);
    expect((err as Error).message).toMatch(/socket/i);
    expect(await exists(path.join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('encodes odd characters of the socket path in the url', async () => {
    const dataDir = path.join(await tempDataDir(), 'a dir #1 %41?');
    const redis = await start(dataDir);
    const parsed = new URL(redis.url);
    expect(parsed.protocol).toBe('unix:');
    expect(decodeURIComponent(parsed.pathname)).toBe(redis.socketPath);
    expect(parsed.hash + parsed.search).toBe('');
    expect(await withClient(redis.socketPath, (c) => c.ping())).toBe('PONG');
  });

  it('puts the socket in tmpdir when the data dir is too long', async () => {
    const dataDir = path.join(await tempDataDir(), 'x'.repeat(100));
    const redis = await start(dataDir);
    expect(path.dirname(redis.socketPath)).toBe(os.tmpdir());
    expect(redis.socketPath).toMatch(/troopwatch-redis-[0-9a-f]{16}\.sock$/);
    expect(await withClient(redis.socketPath, (c) => c.ping())).toBe('PONG');

    // The same data dir maps to the same socket.
    const again = await start(dataDir);
    expect(again.owned).toBe(false);
    expect(again.socketPath).toBe(redis.socketPath);
    await again.stop();
    await redis.stop();
    expect(await exists(redis.socketPath)).toBe(false);
  });
});

describe('ensureRedisServer', { timeout: 30_000 }, () => {
  it('fails with a one-line redis_missing when redis is absent', async () => {
    const err = await ensureRedisServer(logger, {
      install: false,
      searchPath: '/nonexistent',
      extraDirs: [],
    }).catch((e: unknown) => e);

    expect(err).toBeInstanceOf(UsageError);
    expect(err).toMatchObject({ code: 'redis_missing' });
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(/apt-get install redis-server|brew install redis/);
    expect(message).toContain('REDIS_URL');
  });

  it('finds the installed redis-server', async () => {
    expect(await ensureRedisServer(logger, { install: false })).toMatch(
      /\/redis-server$/,
    );
  });

  it('installs with apt-get without letting a daemon start', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tw-apt-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const bin = path.join(dir, 'bin');
    await mkdir(bin);
    const policy = path.join(dir, 'policy-rc.d');
    const record = path.join(dir, 'record');
    // A fake apt-get: records what the real one would see and "installs"
    // a redis-server wrapper.
    await writeFile(
      path.join(bin, 'apt-get'),
      `#!/bin/sh
policy=$("${policy}"; echo $?)
echo "$* RUNLEVEL=$RUNLEVEL FRONTEND=$DEBIAN_FRONTEND POLICY=$policy" \\
  >> "${record}"
if echo " $* " | grep -q " install "; then
  printf '#!/bin/sh\\nexec /usr/bin/redis-server "$@"\\n' \\
    > "${bin}/redis-server"
  chmod +x "${bin}/redis-server"
fi
`,
    );
    await chmod(path.join(bin, 'apt-get'), 0o755);

    const binary = await ensureRedisServer(logger, {
      install: true,
      searchPath: bin,
      extraDirs: [],
      policyRcPath: policy,
    });

    expect(binary).toBe(path.join(bin, 'redis-server'));
    expect((await readFile(record, 'utf8')).trim().split('\n')).toEqual([
      '-o DPkg::Lock::Timeout=300 update RUNLEVEL=1 ' +
        'FRONTEND=noninteractive POLICY=101',
      '-o DPkg::Lock::Timeout=300 install -y --no-install-recommends ' +
        'redis-server RUNLEVEL=1 FRONTEND=noninteractive POLICY=101',
    ]);
    expect(await exists(policy)).toBe(false); // Temporary only.
  });

  it('reports a failed apt-get clearly', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tw-apt-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    await writeFile(
      path.join(dir, 'apt-get'),
      '#!/bin/sh\n' +
        'echo "E: Unable to locate package redis-server" >&2\n' +
        'exit 100\n',
      { mode: 0o755 },
    );
    const err = await ensureRedisServer(logger, {
      install: true,
      searchPath: dir,
      extraDirs: [],
      policyRcPath: path.join(dir, 'policy-rc.d'),
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'redis_start' });
    expect((err as Error).message).toMatch(
      /apt-get update.*exit code 100.*Unable to locate/,
    );
  });
});

describe('global test redis', () => {
  it('provides a working redisUrl', async () => {
    const client = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
    try {
      expect(await assertRedisVersion(client)).toMatch(/^\d+\.\d+/);
      expect(await client.config('GET', 'appendonly')).toEqual([
        'appendonly',
        'no',
      ]);
    } finally {
      client.disconnect();
    }
  });
});
