/**
 * Bytes → text for feeds: {@link decodeText} plus the encoding signatures
 * that only XML has (UTF-32, and UTF-16 without a byte order mark). Pure.
 */

import { decodeText, type DecodeOptions } from '../fetch/decode-content.js';

/** A wide encoding recognised from the first bytes of an XML document. */
type WideEncoding = 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

/**
 * Decode feed bytes to a string.
 *
 * XML 1.0 Appendix F lets a document announce a wide encoding by its first
 * bytes alone: a UTF-32 byte order mark, or `<` / `<?` spelled in UTF-16 or
 * UTF-32 without any mark. Those signatures are checked first because an
 * ASCII-compatible decoding of such bytes is garbage whatever the HTTP
 * header says. Everything else goes to {@link decodeText}: byte order mark,
 * then the HTTP `charset` (which beats the XML declaration, as RFC 3023 and
 * feedparser's encoding tests require), then the XML declaration, then
 * UTF-8, else windows-1252. A leading byte order mark is never part of the
 * result.
 */
export function decodeFeedText(
  bytes: Uint8Array,
  opts: DecodeOptions = {},
): string {
  const wide = wideEncoding(bytes);
  let text: string;
  if (wide === 'utf-32le' || wide === 'utf-32be') {
    text = decodeUtf32(bytes, wide === 'utf-32le');
  } else if (wide) {
    text = new TextDecoder(wide).decode(bytes);
  } else {
    return decodeText(bytes, opts);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function wideEncoding(b: Uint8Array): WideEncoding | undefined {
  if (b.length < 4) return undefined;
  const [b0, b1, b2, b3] = [b[0]!, b[1]!, b[2]!, b[3]!];
  // UTF-32 marks first: FF FE 00 00 would otherwise read as a UTF-16LE BOM
  // followed by a NUL, which XML forbids anyway.
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'utf-32be';
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return 'utf-32le';
  if (b0 === 0 && b1 === 0 && b2 === 0 && b3 === 0x3c) return 'utf-32be';
  if (b0 === 0x3c && b1 === 0 && b2 === 0 && b3 === 0) return 'utf-32le';
  // UTF-16 marks are decodeText's business; only the mark-less forms here.
  if (b0 === 0 && b1 === 0x3c && b2 === 0 && b3 !== 0) return 'utf-16be';
  if (b0 === 0x3c && b1 === 0 && b2 !== 0 && b3 === 0) return 'utf-16le';
  return undefined;
}

/**
 * TextDecoder has no UTF-32 (WHATWG dropped it), so decode by hand.
 * Invalid code points and a trailing partial unit become U+FFFD.
 */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  const end = bytes.length - (bytes.length % 4);
  for (let i = 0; i < end; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    const valid = cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);
    chunk.push(valid ? cp : 0xfffd);
    // fromCodePoint takes its arguments on the stack: flush in slices.
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  if (end < bytes.length) chunk.push(0xfffd);
  parts.push(String.fromCodePoint(...chunk));
  return parts.join('');
}
