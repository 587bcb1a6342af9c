/**
 * Fault 6: the data directory read-only, or its disk full (a small tmpfs,
 * mounted by the test: the suite runs as root). The command stops with one
 * clear line and exit code 1; the next run on a good disk goes on from the
 * same data with nothing lost, doubled or corrupted.
 */
import { execFileSync } from 'node:child_process';
import { afterEach, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { redisPids } from '../helpers/processes.js';
import {
  exited,
  expectNothingLeft,
  expectNothingLostOrDoubled,
  laterArticles,
  useFaults,
} from './harness.js';

const faults = useFaults();
const mounted: string[] = [];
afterEach(async () => {
  for (const dir of mounted.splice(0)) {
    for (const pid of await redisPids(dir)) process.kill(pid, 'SIGKILL');
    execFileSync('umount', ['-l', dir]);
  }
});

function mountTmpfs(dir: string, size: string): void {
  execFileSync('mount', [
    '-t',
    'tmpfs',
    '-o',
    `size=${size},mode=0700`,
    'tmpfs',
    dir,
  ]);
  mounted.push(dir);
}

function remount(dir: string, opts: string): void {
  execFileSync('mount', ['-o', `remount,${opts}`, dir]);
}

/** The lines troopwatch printed as its own errors, and any stack trace. */
function errorLines(output: string): { reasons: string[]; stack: boolean } {
  const lines = output.split('\n');
  return {
    reasons: lines.filter((l) => l.startsWith('troopwatch: ')),
    stack: lines.some((l) => /^\s+at /.test(l)),
  };
}

it('a full disk stops the run with one clear line and exit 1; on a bigger disk it goes on, 0 lost, 0 doubled', async () => {
  const run = await faults.setup(120, 60);
  mountTmpfs(run.dataDir, '1m');
  const full = faults.spawn(['run', '--once'], run.env);
  expect(await exited(full)).toBe(1);
  const { reasons, stack } = errorLines(full.output());
  expect(reasons).toHaveLength(1);
  expect(reasons[0]).toMatch(/refuses writes \(MISCONF.*No space left/);
  expect(stack).toBe(false);
  expect(run.receiver.received.length).toBeLessThan(run.expected.size);

  remount(run.dataDir, 'size=256m');
  const again = faults.spawn(['run', '--once'], run.env);
  expect(await exited(again)).toBe(0);
  expectNothingLostOrDoubled(run);
  await expectNothingLeft(run.dataDir);
}, 240_000);

it('a read-only data directory stops the run with one clear line and exit 1; writable again, it goes on', async () => {
  const run = await faults.setup(20, 10);
  mountTmpfs(run.dataDir, '256m');
  const first = faults.spawn(['run', '--once'], run.env);
  expect(await exited(first)).toBe(0);
  expectNothingLostOrDoubled(run);

  remount(run.dataDir, 'ro');
  const later = await laterArticles(5);
  const readOnly = await runCli(['run', '--once'], run.env);
  expect(readOnly.code).toBe(1);
  const { reasons, stack } = errorLines(readOnly.stderr);
  expect(reasons).toEqual([
    expect.stringMatching(
      /cannot write to the data directory .* \(read-only file system\)/,
    ),
  ]);
  expect(stack).toBe(false);

  remount(run.dataDir, 'rw');
  const enq = await runCli(['enqueue', ...later.files], run.env);
  expect(enq.code).toBe(0);
  const again = faults.spawn(['run', '--once'], run.env);
  expect(await exited(again)).toBe(0);
  run.expected = new Set([...run.expected, ...later.keys]);
  expectNothingLostOrDoubled(run);
  await expectNothingLeft(run.dataDir);
}, 240_000);
