import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { canonicalizeUrl } from '../shared/fetch/canonical-url.js';
import { isHttpUrl } from '../shared/config/config.js';
import { inspectContent } from '../shared/fetch/decode-content.js';
import { UsageError } from '../shared/errors.js';
import { Priority } from './names.js';
import type { Runtime } from './runtime.js';
import { sha256 } from './store/ids.js';

/** A file read and checked before anything is enqueued. */
export interface FileInput {
  kind: 'file';
  name: string;
  bytes: Buffer;
  sha: string;
}
export interface UrlInput {
  kind: 'url';
  url: string;
}
export type Input = FileInput | UrlInput;

export interface EnqueueSummary {
  enqueued: number;
  /** Inputs already ingested earlier (same content or URL). */
  known: number;
  /** Inputs that failed earlier; `troopwatch status` shows why. */
  failedBefore: number;
}

/**
 * Read and check every seed file of a directory, in file-name order. Any
 * problem fails the whole batch before anything is enqueued.
 */
export async function readSeedDir(dir: string): Promise<FileInput[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `seed: no seeds directory at ${dir}`
        : `seed: cannot read ${dir} (${code ?? 'error'})`,
      code === 'ENOENT' ? 'input_missing' : 'input_unreadable',
    );
  }
  const files: FileInput[] = [];
  for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
    const file = path.join(dir, name);
    if (!(await stat(file)).isFile()) continue;
    files.push(await readInputFile(file, name));
  }
  if (files.length === 0)
    throw new UsageError(`seed: ${dir} holds no seed files`, 'input_empty');
  return files;
}

/** `enqueue` arguments: http(s) URLs or readable text/HTML files. */
export async function readInputs(args: readonly string[]): Promise<Input[]> {
  if (args.length === 0)
    throw new UsageError('enqueue: give at least one URL or file', 'usage');
  const inputs: Input[] = [];
  for (const arg of args) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) {
      if (!isHttpUrl(arg))
        throw new UsageError(
          `enqueue: not an http(s) URL: ${arg}`,
          'invalid_url',
        );
      inputs.push({ kind: 'url', url: arg });
    } else {
      inputs.push(await readInputFile(arg, path.basename(arg)));
    }
  }
  return inputs;
}

/** Reads a file (or standard input for `-`), as a usage error when it cannot. */
export async function readInputBytes(file: string): Promise<Buffer> {
  try {
    return file === '-' ? await readStdin() : await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `input: no such file: ${file}`
        : `input: cannot read ${file} (${code ?? 'error'})`,
      code === 'ENOENT' ? 'input_missing' : 'input_unreadable',
    );
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function readInputFile(file: string, name: string): Promise<FileInput> {
  const bytes = await readInputBytes(file);
  const { kind, reason } = inspectContent(bytes);
  if (kind === 'empty')
    throw new UsageError(`input: ${file} is empty`, 'input_empty');
  if (kind === 'binary')
    throw new UsageError(
      `input: ${file} is binary, not text or HTML (${reason})`,
      'input_binary',
    );
  return { kind: 'file', name, bytes, sha: sha256(bytes) };
}

/**
 * Put seeds on the fetch queue, in order, behind the seed gate: each is
 * numbered, and feed items wait until every numbered seed has been through
 * dedupe. Seeds already ingested are skipped.
 */
export async function enqueueSeeds(
  runtime: Runtime,
  seeds: readonly FileInput[],
): Promise<EnqueueSummary> {
  return enqueueFiles(runtime, seeds, true);
}

/** Put files and URLs on the fetch queue (files before URLs, like seeds). */
export async function enqueueInputs(
  runtime: Runtime,
  inputs: readonly Input[],
): Promise<EnqueueSummary> {
  const files = inputs.filter((i): i is FileInput => i.kind === 'file');
  const summary = await enqueueFiles(runtime, files, false);
  for (const input of inputs) {
    if (input.kind !== 'url') continue;
    const id = sha256(canonicalizeUrl(input.url)).slice(0, 32);
    const known = await runtime.store.articles.get(id);
    if (known !== null) {
      summary[known.status === 'failed' ? 'failedBefore' : 'known'] += 1;
      continue;
    }
    await runtime.queues.enqueue(
      'fetch',
      { kind: 'url', url: input.url },
      { jobId: `url-${id}`, priority: Priority.url },
    );
    summary.enqueued += 1;
  }
  return summary;
}

async function enqueueFiles(
  runtime: Runtime,
  files: readonly FileInput[],
  asSeeds: boolean,
): Promise<EnqueueSummary> {
  const summary: EnqueueSummary = { enqueued: 0, known: 0, failedBefore: 0 };
  for (const file of files) {
    const id = file.sha.slice(0, 32);
    const known = await runtime.store.articles.get(id);
    // A failed article is not tried again here: its jobs are kept, failed,
    // for inspection, and would not run again under the same job id.
    if (known !== null) {
      summary[known.status === 'failed' ? 'failedBefore' : 'known'] += 1;
      continue;
    }
    await runtime.store.articles.putBlob(file.sha, file.bytes);
    let seedSeq: number | undefined;
    if (asSeeds) seedSeq = await runtime.store.seeds.reserve(id);
    await runtime.queues.enqueue(
      'fetch',
      { kind: 'blob', sha: file.sha, name: file.name, seedSeq },
      {
        jobId: `blob-${id}`,
        priority: asSeeds ? Priority.seed : Priority.file,
      },
    );
    summary.enqueued += 1;
  }
  return summary;
}
