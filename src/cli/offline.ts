import { cleanText } from '../shared/clean/text.js';
import { decodeText, inspectContent } from '../shared/fetch/decode-content.js';
import { UsageError } from '../shared/errors.js';
import { extractClaims } from '../shared/extract/claims.js';
import { readInputBytes } from '../queues/inputs.js';
import { printJson, printListing, table } from './report.js';

/** Reads a file or standard input (`-`), refusing binary content. */
async function readTextInput(
  file: string,
): Promise<{ text: string; kind: 'empty' | 'html' | 'text' }> {
  const bytes = await readInputBytes(file);
  const { kind, reason } = inspectContent(bytes);
  if (kind === 'binary') {
    throw new UsageError(
      `input: ${file === '-' ? 'standard input' : file} is binary, not text (${reason})`,
      'input_binary',
    );
  }
  return { text: kind === 'empty' ? '' : decodeText(bytes), kind };
}

/** `troopwatch extract`: offsets refer to the file's decoded text as given. */
export async function runExtractCommand(
  file: string,
  opts: { json?: boolean; lang?: 'de' | 'en' },
): Promise<void> {
  const { text } = await readTextInput(file);
  const claims = extractClaims(text, opts.lang ? { lang: opts.lang } : {});
  printListing(claims, {
    json: opts.json,
    empty: 'No troop-count claims found.',
    render: (list) =>
      table([
        ['VALUE', 'QUALIFIER', 'UNIT', 'EVENT', 'ATTRIBUTION', 'TEXT'],
        ...list.map((c) => [
          String(c.value),
          c.qualifier,
          c.unit,
          c.event,
          c.attribution ?? '-',
          `"${c.text}"`,
        ]),
      ]),
  });
}

/** `troopwatch clean`: readable text of an HTML page (plain text is normalised). */
export async function runCleanCommand(
  file: string,
  opts: { json?: boolean; url?: string },
): Promise<void> {
  const { text, kind } = await readTextInput(file);
  // jsdom takes most of a second to load: only `clean` of HTML pays for it.
  const page =
    kind === 'html'
      ? (await import('../shared/clean/html.js')).cleanHtml(
          text,
          opts.url ? { url: opts.url } : {},
        )
      : {
          text: cleanText(text),
          title: null,
          byline: null,
          siteName: null,
          publishedAt: null,
          lang: null,
          canonicalUrl: null,
          excerpt: null,
        };
  if (opts.json) return printJson(page);
  process.stdout.write(page.text.endsWith('\n') ? page.text : `${page.text}\n`);
}
