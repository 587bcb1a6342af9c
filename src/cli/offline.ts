import { readFile } from 'node:fs/promises';
import { cleanText } from '../shared/clean-text.js';
import { decodeText, inspectContent } from '../shared/decode-content.js';
import { UsageError } from '../shared/errors.js';
import { extractClaims } from '../shared/extract-claims.js';
import { table } from './report.js';

/** Reads a file or standard input (`-`), refusing binary content. */
async function readTextInput(file: string): Promise<{ text: string; kind: 'empty' | 'html' | 'text' }> {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? await readStdin() : await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT' ? `input: no such file: ${file}` : `input: cannot read ${file} (${code ?? 'error'})`,
      code === 'ENOENT' ? 'input_missing' : 'input_unreadable',
    );
  }
  const { kind, reason } = inspectContent(bytes);
  if (kind === 'binary') {
    throw new UsageError(`input: ${file === '-' ? 'standard input' : file} is binary, not text (${reason})`, 'input_binary');
  }
  return { text: kind === 'empty' ? '' : decodeText(bytes), kind };
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** `troopwatch extract`: offsets refer to the file's decoded text as given. */
export async function runExtractCommand(file: string, opts: { json?: boolean; lang?: 'de' | 'en' }): Promise<void> {
  const { text } = await readTextInput(file);
  const claims = extractClaims(text, opts.lang ? { lang: opts.lang } : {});
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(claims, null, 2)}\n`);
    return;
  }
  if (claims.length === 0) {
    process.stdout.write('No troop-count claims found.\n');
    return;
  }
  const rows = claims.map((c) => [
    String(c.value),
    c.qualifier,
    c.unit,
    c.event,
    c.attribution ?? '-',
    `"${c.text}"`,
  ]);
  process.stdout.write(`${table([['VALUE', 'QUALIFIER', 'UNIT', 'EVENT', 'ATTRIBUTION', 'TEXT'], ...rows])}\n`);
}

/** `troopwatch clean`: readable text of an HTML page (plain text is normalised). */
export async function runCleanCommand(file: string, opts: { json?: boolean; url?: string }): Promise<void> {
  const { text, kind } = await readTextInput(file);
  // jsdom takes most of a second to load: only `clean` of HTML pays for it.
  const page =
    kind === 'html'
      ? (await import('../shared/clean-html.js')).cleanHtml(text, opts.url ? { url: opts.url } : {})
      : { text: cleanText(text), title: null, byline: null, siteName: null, publishedAt: null, lang: null, canonicalUrl: null, excerpt: null };
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
    return;
  }
  process.stdout.write(page.text.endsWith('\n') ? page.text : `${page.text}\n`);
}
