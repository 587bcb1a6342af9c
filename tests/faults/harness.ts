/**
 * The fault suite's common ground: a verifying webhook receiver, a seeds
 * directory of synthetic articles whose novelty keys are known, the
 * embedded server's pid from its lock, and the checks that a run lost no
 * alert, doubled none and left nothing running behind.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { LOCK_FILE } from '../../src/queues/embedded-redis/lock.js';
import { spawnCli, stopProcess, testEnv, waitFor } from '../helpers/cli.js';
import { expectOneAlertPerKey } from '../helpers/pipeline-assertions.js';
import { redisPids } from '../helpers/processes.js';
import {
  syntheticArticles,
  writeArticles,
} from '../helpers/synthetic-articles.js';
import { extractClaims } from '../../src/shared/extract/claims.js';
import { noveltyKey } from '../../src/shared/claim.js';
import { WebhookReceiver, makeSecret } from '../helpers/webhook-receiver.js';

export type Spawned = ChildProcess & { output: () => string };

export interface FaultRun {
  receiver: WebhookReceiver;
  env: Record<string, string>;
  dataDir: string;
  /** Every novelty key the seeds carry: each must arrive exactly once. */
  expected: Set<string>;
}

/** Processes, receivers and directories of each test, removed after it. */
export function useFaults() {
  const procs: ChildProcess[] = [];
  const receivers: WebhookReceiver[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(procs.splice(0).map((p) => stopProcess(p, 'SIGKILL')));
    await Promise.all(receivers.splice(0).map((r) => r.stop()));
    for (const dir of dirs.splice(0)) {
      for (const pid of await redisPids(dir)) process.kill(pid, 'SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  });
  return {
    /**
     * A receiver, `articles` synthetic seed files over `keys` figures, and
     * the environment of a run against them (embedded Redis unless
     * `extra.REDIS_URL`).
     */
    async setup(
      articles: number,
      keys: number,
      extra: Record<string, string> = {},
    ): Promise<FaultRun> {
      const secret = makeSecret();
      const receiver = await new WebhookReceiver(secret).start();
      receivers.push(receiver);
      const env = await testEnv({
        ALERT_WEBHOOK_URL: receiver.url,
        ALERT_WEBHOOK_SECRET: secret,
        TROOPWATCH_LOG_LEVEL: 'info',
        TROOPWATCH_LOCK_DURATION: '3s',
        TROOPWATCH_STAGE_BACKOFF: '200ms',
        ...extra,
      });
      const dataDir = env.TROOPWATCH_DATA_DIR!;
      const seedsDir = `${dataDir}-seeds`;
      dirs.push(dataDir);
      dirs.push(seedsDir);
      await mkdir(seedsDir);
      const written = syntheticArticles(articles, keys, 9);
      for (const a of written) {
        await writeFile(path.join(seedsDir, a.name), a.text);
      }
      env.TROOPWATCH_SEEDS_DIR = seedsDir;
      const expected = new Set(written.flatMap((a) => a.keys));
      return { receiver, env, dataDir, expected };
    },
    /** A long-running command (`run --once`, `start`, `worker`). */
    spawn(args: string[], env: Record<string, string>): Spawned {
      const child = spawnCli(args, env);
      procs.push(child);
      return child;
    },
  };
}

/** The pid of the embedded redis-server, from the owner's lock. */
export async function embeddedRedisPid(dataDir: string): Promise<number> {
  return waitFor(async () => {
    try {
      const lock = JSON.parse(
        await readFile(path.join(dataDir, LOCK_FILE), 'utf8'),
      ) as { redisPid: number | null };
      return lock.redisPid;
    } catch {
      return null;
    }
  }, 'the embedded redis-server to start');
}

/**
 * Resolves with the exit code once the process has ended, or with the
 * signal that ended it ("killed by SIGKILL"), so that a failed
 * expectation says which.
 */
export function exited(child: ChildProcess): Promise<number | string> {
  const outcome = (
    code: number | null,
    signal: NodeJS.Signals | null,
  ): number | string => code ?? `killed by ${signal ?? 'an unknown signal'}`;
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(outcome(child.exitCode, child.signalCode));
  }
  return new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve(outcome(code, signal))),
  );
}

/** Every expected key arrived once (one webhook-id per key), nothing else. */
export function expectNothingLostOrDoubled(run: FaultRun): void {
  expectOneAlertPerKey(run.receiver, { required: run.expected });
}

/** The JSON log lines of a process's output. */
export function logLines(output: string): Array<Record<string, unknown>> {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        return {};
      }
    });
}

/** How many log lines carry exactly this message. */
export function countMessages(output: string, msg: string): number {
  return logLines(output).filter((l) => l.msg === msg).length;
}

/** No redis-server on the data dir, no socket, no lock: nothing left behind. */
export async function expectNothingLeft(dataDir: string): Promise<void> {
  expect(await redisPids(dataDir)).toEqual([]);
  expect(existsSync(path.join(dataDir, 'redis.sock'))).toBe(false);
  expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
}

/**
 * `count` more articles whose figures (41,000 and up) no seed of
 * {@link useFaults} carries, written to a fresh directory: work that must
 * raise new alerts after a fault.
 */
export async function laterArticles(
  count: number,
): Promise<{ files: string[]; keys: Set<string> }> {
  const articles = syntheticArticles(count, count, 77).map((a, i) => {
    const text = a.text.replace(/\b1,\d00\b/, `${41 + i},000`);
    return {
      ...a,
      text,
      keys: [...new Set(extractClaims(text).map(noveltyKey))],
    };
  });
  const keys = new Set(articles.flatMap((a) => a.keys));
  return { files: await writeArticles(articles), keys };
}
