import { afterEach, describe, expect, it } from 'vitest';
import { CleanPool } from '../../src/workers/clean-pool.js';
import { StageError } from '../../src/shared/errors.js';

const MISBEHAVING = new URL(
  '../fixtures/threads/misbehaving-thread.mjs',
  import.meta.url,
);
// The compiled thread (npm test builds first): the real jsdom + Readability path.
const REAL = new URL('../../dist/workers/clean-thread.js', import.meta.url);

describe('CleanPool: HTML parsing in worker threads', () => {
  const pools: CleanPool[] = [];
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.close()));
  });
  const pool = (
    opts: Partial<ConstructorParameters<typeof CleanPool>[0]>,
  ): CleanPool => {
    const p = new CleanPool({ size: 2, timeoutMs: 1000, ...opts });
    pools.push(p);
    return p;
  };

  it('cleans pages with jsdom and Readability off the main thread', async () => {
    const p = pool({ threadFile: REAL, timeoutMs: 20_000 });
    const html =
      '<html lang="de"><head><title>Truppen</title></head><body><nav>Startseite</nav><article>' +
      '<p>Nordkorea hat nach Angaben des NIS rund 12.000 Soldaten nach Russland entsandt.</p>' +
      '<p>Die Soldaten werden im Osten Russlands ausgebildet, hieß es weiter aus Seoul.</p>' +
      '</article><script>document.body.innerHTML = "hacked"</script></body></html>';
    const pages = await Promise.all([
      p.clean(html),
      p.clean(html),
      p.clean(html),
    ]);
    for (const page of pages) {
      expect(page.text).toContain('rund 12.000 Soldaten');
      expect(page.text).not.toContain('hacked');
      expect(page.lang).toBe('de');
    }
  });

  it('a page that hangs the parser fails with parse_timeout, and the pool goes on', async () => {
    const p = pool({ threadFile: MISBEHAVING, timeoutMs: 300 });
    // The event loop stays free while the thread spins.
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 20);
    const err = await p.clean('HANG').catch((e: unknown) => e);
    clearInterval(timer);
    expect(err).toBeInstanceOf(StageError);
    expect((err as StageError).code).toBe('parse_timeout');
    expect((err as StageError).retryable).toBe(false);
    expect(ticks).toBeGreaterThan(5);
    expect((await p.clean('fine')).text).toBe('fine');
  });

  it('a page that eats memory fails alone with too_large', async () => {
    const p = pool({
      threadFile: MISBEHAVING,
      timeoutMs: 20_000,
      maxHeapMb: 64,
    });
    const err = await p.clean('OOM').catch((e: unknown) => e);
    expect((err as StageError).code).toBe('too_large');
    expect((await p.clean('still here')).text).toBe('still here');
  });

  it('more pages than threads are queued, and errors reach their caller', async () => {
    const p = pool({ threadFile: MISBEHAVING, size: 1 });
    const results = await Promise.allSettled(
      ['a', 'THROW', 'b', 'c'].map((h) => p.clean(h)),
    );
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
  });

  it('a page that runs out of heap is tried once more in a fresh thread', async () => {
    const p = pool({
      threadFile: MISBEHAVING,
      size: 1,
      timeoutMs: 20_000,
      maxHeapMb: 64,
    });
    const first = await p.clean('warm-up');
    // The used thread runs out of heap; a fresh one parses the page.
    const page = await p.clean('OOM_IF_USED');
    expect(page.text).toBe('OOM_IF_USED');
    expect(page.title).not.toBe(first.title);
    expect(p.threadsStarted).toBe(2);
    // A page that needs too much in any thread fails after its second try.
    const err = await p.clean('OOM').catch((e: unknown) => e);
    expect((err as StageError).code).toBe('too_large');
    expect(p.threadsStarted).toBe(4);
  });

  it('threads are recycled after a bounded number of pages', async () => {
    const p = pool({ threadFile: MISBEHAVING, size: 1, recycleAfterPages: 3 });
    const titles: (string | null)[] = [];
    for (let i = 0; i < 7; i++) titles.push((await p.clean(`page ${i}`)).title);
    expect(new Set(titles.slice(0, 3)).size).toBe(1);
    expect(new Set(titles.slice(3, 6)).size).toBe(1);
    expect(titles[3]).not.toBe(titles[0]);
    expect(titles[6]).not.toBe(titles[3]);
    expect(p.threadsStarted).toBe(3);
  });

  it('a thread whose heap grows past the recycle mark is replaced', async () => {
    const p = pool({
      threadFile: MISBEHAVING,
      size: 1,
      timeoutMs: 20_000,
      recycleHeapMb: 30,
    });
    const a = await p.clean('small');
    const b = await p.clean('small again');
    expect(b.title).toBe(a.title);
    await p.clean('GROW'); // ~40 MB kept: past the 30 MB mark
    const c = await p.clean('after growth');
    expect(c.title).not.toBe(a.title);
  });
});
