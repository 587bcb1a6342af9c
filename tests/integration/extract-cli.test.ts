import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  eventClass,
  type Claim,
  type ClaimEvent,
} from '../../src/shared/claim.js';
import { ROOT, SEEDS, runCli, testEnv } from '../helpers/cli.js';

interface GoldClaim {
  value: number;
  qualifier: string;
  unit: string;
  event: ClaimEvent;
  optional: boolean;
}
interface GoldSeed {
  id: string;
  claims: GoldClaim[];
}

// A copy of ../shared/gold/seeds.jsonl, kept with the project.
const gold = readFileSync(
  path.join(ROOT, 'tests/fixtures/gold/seeds.jsonl'),
  'utf8',
)
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as GoldSeed);

describe('troopwatch extract <seed> --json against the gold labels', () => {
  it.each(gold.map((g) => [g.id, g] as const))('%s', async (id, seed) => {
    const file = path.join(SEEDS, `${id}.txt`);
    const res = await runCli(['extract', file, '--json'], await testEnv());
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const claims = JSON.parse(res.stdout) as Claim[];
    const text = readFileSync(file, 'utf8');

    // Every required claim: value, qualifier and event class match some mention.
    for (const g of seed.claims.filter((c) => !c.optional)) {
      const match = claims.find(
        (c) =>
          c.value === g.value &&
          c.unit === g.unit &&
          c.qualifier === g.qualifier &&
          eventClass(c.event) === eventClass(g.event),
      );
      expect(match, `${g.value} ${g.qualifier} ${g.event}`).toBeDefined();
    }
    // And no other figure.
    const allowed = new Set(seed.claims.map((c) => `${c.value}|${c.unit}`));
    for (const c of claims)
      expect(allowed.has(`${c.value}|${c.unit}`), `unexpected ${c.text}`).toBe(
        true,
      );
    // Offsets point at the quoted text of the file as given.
    for (const c of claims) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(c.actor).toBe('KP');
    }
  });

  it('reads standard input and honours --lang', async () => {
    const res = await runCli(
      ['extract', '-', '--json', '--lang', 'en'],
      await testEnv(),
      {
        input:
          'Pyongyang has sent about 11,000 troops to Russia, the Pentagon said.',
      },
    );
    expect(res.code).toBe(0);
    const [claim] = JSON.parse(res.stdout) as Claim[];
    expect(claim).toMatchObject({
      value: 11000,
      qualifier: 'approx',
      unit: 'soldiers',
      actor: 'KP',
      attribution: 'Pentagon',
      source: { id: 'us-dod', country: 'US' },
    });
  });
});

describe('troopwatch extract on bad input', () => {
  it('an empty file gives an empty list', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tw-extract-'));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const res = await runCli(
      ['extract', path.join(dir, 'empty.txt'), '--json'],
      await testEnv(),
    );
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual([]);
  });

  it.each([
    [
      'a binary file',
      (dir: string) => (
        writeFileSync(
          path.join(dir, 'x.png'),
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]),
        ),
        path.join(dir, 'x.png')
      ),
      /binary/,
    ],
    [
      'a missing file',
      (dir: string) => path.join(dir, 'nope.txt'),
      /no such file/,
    ],
    ['a directory', (dir: string) => dir, /cannot read/],
  ])('%s exits 2 with the reason', async (_name, make, pattern) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tw-extract-'));
    const res = await runCli(['extract', make(dir)], await testEnv());
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(pattern);
  });

  it('invalid UTF-8 is decoded (windows-1252) rather than refused', async () => {
    const res = await runCli(['extract', '-', '--json'], await testEnv(), {
      input: Buffer.concat([
        Buffer.from(
          'Nordkorea hat rund 12.000 Soldaten nach Russland entsandt, so S',
        ),
        Buffer.from([0xfc]),
        Buffer.from('dkorea.'),
      ]),
    });
    expect(res.code).toBe(0);
    expect((JSON.parse(res.stdout) as Claim[])[0]).toMatchObject({
      value: 12000,
      qualifier: 'approx',
    });
  });
});
