/**
 * Bytes → text for fetched documents: charset detection and a cheap
 * content-kind sniff that runs before any HTML parsing. Pure: no I/O.
 */

import { StageError } from '../errors.js';

/** Options for {@link decodeText}. */
export interface DecodeOptions {
  /**
   * The HTTP `Content-Type` header, if any. Its `charset` parameter beats any
   * in-document declaration (but not a byte order mark), as in browsers.
   * @defaultValue `undefined` (no transport-level charset)
   */
  contentType?: string;
}

/** What {@link inspectContent} thinks the bytes are. */
export type ContentKind = 'empty' | 'binary' | 'html' | 'text';

/** Result of {@link inspectContent}. */
export interface ContentInspection {
  kind: ContentKind;
  /** Short machine-readable reason, e.g. `'magic:pdf'`, for logs and errors. */
  reason: string;
}

/**
 * How many leading bytes are searched for `<meta charset>` or the XML
 * declaration. The HTML spec's prescan stops at 1024 bytes, but real pages
 * often bury the meta tag after kilobytes of inline scripts; a larger window
 * costs little because it is a plain regex over a latin1 view.
 */
const PRESCAN_BYTES = 16 * 1024;

/** How many leading bytes {@link inspectContent} looks at. */
const SNIFF_BYTES = 8 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Decode fetched bytes to a string.
 *
 * Precedence (WHATWG encoding sniffing, simplified): byte order mark, then
 * the `charset` of `opts.contentType`, then `<meta charset>` /
 * `<meta http-equiv="Content-Type">` or the XML declaration in the first
 * 16 KiB; with none of them, UTF-8 if the bytes are valid UTF-8, else
 * windows-1252 (what browsers use for undeclared Western pages, and a superset
 * of ISO-8859-1 for printable characters). Unknown labels are ignored rather
 * than thrown on. A leading BOM is never part of the result.
 */
export function decodeText(
  bytes: Uint8Array,
  opts: DecodeOptions = {},
): string {
  const encoding =
    bomEncoding(bytes) ??
    usableLabel(charsetFromContentType(opts.contentType)) ??
    inDocumentEncoding(bytes) ??
    (isValidUtf8(bytes) ? 'utf-8' : 'windows-1252');
  const text =
    encoding === 'windows-1252'
      ? decodeWindows1252(bytes)
      : new TextDecoder(encoding).decode(bytes);
  // TextDecoder only drops a BOM that matches its own encoding; a UTF-8 BOM
  // under a declared windows-1252 header would otherwise survive as "ï»¿".
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Classify bytes before decoding or parsing them, so that the clean stage can
 * fail fast with `empty_content`, `binary_content` or `not_html`.
 *
 * - `empty`: no bytes, or only whitespace (after an optional BOM).
 * - `binary`: a known magic number (PDF, gzip, zip, PNG, JPEG, GIF), a NUL
 *   byte, or more than 10% control characters in the first 8 KiB.
 * - `html`: after whitespace, BOM, comments and an XML declaration, starts
 *   with `<!doctype html`, `<html`, `<head` or `<body`; or, failing that,
 *   the first 8 KiB are dense with HTML block tags.
 * - `text`: anything else.
 */
export function inspectContent(bytes: Uint8Array): ContentInspection {
  const magic = magicNumber(bytes);
  if (magic) return { kind: 'binary', reason: `magic:${magic}` };

  const head = sniffView(bytes.subarray(0, SNIFF_BYTES));
  if (/^[\s\ufeff]*$/.test(head)) {
    // A window of whitespace may still hide content further on.
    if (bytes.length <= SNIFF_BYTES || isBlankBytes(bytes)) {
      const reason = bytes.length ? 'whitespace' : 'no bytes';
      return { kind: 'empty', reason };
    }
  }

  let controls = 0;
  for (let i = 0; i < head.length; i += 1) {
    const c = head.charCodeAt(i);
    if (c === 0) return { kind: 'binary', reason: 'nul byte' };
    // Tab, LF, FF, CR and ESC (ISO-2022-JP escapes) are legitimate in text.
    const allowed = c === 9 || c === 10 || c === 12 || c === 13 || c === 27;
    if ((c < 0x20 && !allowed) || c === 0x7f) controls += 1;
  }
  if (controls > head.length * 0.1) {
    return { kind: 'binary', reason: 'control characters' };
  }

  const start = head
    .replace(/^(?:[\s\ufeff]+|<!--[\s\S]*?-->|<\?xml[^>]*\?>)*/i, '')
    .slice(0, 16)
    .toLowerCase();
  if (/^<(?:!doctype\s+html|html|head|body)(?:[\s>/]|$)/.test(start)) {
    return { kind: 'html', reason: 'document start' };
  }

  // Fragments and pages with junk before `<html>`: count block-level tags.
  const tags = head.match(BLOCK_TAG_RE)?.length ?? 0;
  if (tags >= 20 || (tags >= 3 && tags * 400 >= head.length)) {
    return { kind: 'html', reason: 'tag density' };
  }
  return { kind: 'text', reason: 'no markup' };
}

/**
 * {@link inspectContent} then {@link decodeText}, throwing the clean stage's
 * non-retryable `StageError`s for anything that is not an HTML document.
 * @throws StageError `empty_content`, `binary_content` or `not_html`
 */
export function decodeHtml(
  bytes: Uint8Array,
  opts: DecodeOptions = {},
): string {
  const { kind, reason } = inspectContent(bytes);
  switch (kind) {
    case 'empty':
      throw new StageError(
        `clean: empty document (${reason})`,
        'empty_content',
        false,
      );
    case 'binary':
      throw new StageError(
        `clean: binary content (${reason})`,
        'binary_content',
        false,
      );
    case 'text':
      throw new StageError('clean: not an HTML document', 'not_html', false);
    case 'html':
      return decodeText(bytes, opts);
  }
}

const BLOCK_TAG_RE =
  /<\/?(?:p|div|br|h[1-6]|ul|ol|li|table|tr|td|article|section|header|footer|nav|main|aside|figure|blockquote|form|meta|link|script|style|title)[\s>/]/gi;

function bomEncoding(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, UTF8_BOM)) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return undefined;
}

function charsetFromContentType(
  contentType: string | undefined,
): string | undefined {
  if (!contentType) return undefined;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;]+))/i.exec(
    contentType,
  );
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/**
 * The charset declared inside the document: a `<meta>` carrying `charset=`
 * (covers both `<meta charset>` and the http-equiv form) or an XML
 * declaration's `encoding`. Comments are skipped so that commented-out meta
 * tags do not count.
 */
function inDocumentEncoding(bytes: Uint8Array): string | undefined {
  const head = latin1(bytes.subarray(0, PRESCAN_BYTES));
  const xml = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  const fromXml = usableLabel(xml?.[1]);
  if (fromXml) return fromXml;
  const uncommented = head.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([^\s"'/>;]+)/i.exec(
    uncommented,
  );
  const label = usableLabel(meta?.[1]);
  // A document can't truthfully declare UTF-16 in ASCII bytes: the HTML spec
  // treats such a declaration as UTF-8.
  if (label?.startsWith('utf-16')) return 'utf-8';
  return label;
}

/** The canonical WHATWG name for a label, or undefined if unsupported. */
function usableLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    const encoding = new TextDecoder(label.trim().toLowerCase()).encoding;
    // `x-user-defined` is a browser-internal hack; treat it like latin1.
    return encoding === 'x-user-defined' ? 'windows-1252' : encoding;
  } catch {
    return undefined;
  }
}

/**
 * windows-1252 for 0x80–0x9F (WHATWG index; the five unassigned bytes map to
 * the same C1 code point). Node 20's `TextDecoder('windows-1252')` decodes
 * these as ISO-8859-1 C1 controls, turning „“ and € into invisible junk.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021' +
  '\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014' +
  '\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return latin1(bytes).replace(
    /[\u0080-\u009f]/g,
    (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!,
  );
}

function isValidUtf8(bytes: Uint8Array): boolean {
  // Pure ASCII is valid UTF-8; skip the decoder for the common case.
  let i = 0;
  while (i < bytes.length && bytes[i]! < 0x80) i += 1;
  if (i === bytes.length) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i));
    return true;
  } catch {
    return false;
  }
}

/**
 * A string view of leading bytes for sniffing: UTF-16 (with BOM) is decoded,
 * so its zero high bytes are not mistaken for NULs; anything else is mapped
 * byte-for-byte, which is all the ASCII-only checks need.
 */
function sniffView(bytes: Uint8Array): string {
  const bom = bomEncoding(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') {
    // Keep an even length so a cut surrogate does not look like garbage.
    return new TextDecoder(bom).decode(bytes.subarray(0, bytes.length & ~1));
  }
  return latin1(bom ? bytes.subarray(UTF8_BOM.length) : bytes);
}

function latin1(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.toString('latin1');
}

function isBlankBytes(bytes: Uint8Array): boolean {
  const view = sniffView(bytes);
  return /^[\s\ufeff]*$/.test(view);
}

function magicNumber(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  if (
    startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) ||
    startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]) ||
    startsWith(bytes, [0x50, 0x4b, 0x07, 0x08])
  ) {
    return 'zip';
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return 'png';
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38, 0x37, 0x61]) ||
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38, 0x39, 0x61])
  ) {
    return 'gif';
  }
  return undefined;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}
