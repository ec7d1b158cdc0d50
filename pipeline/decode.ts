// From a file's bytes to text, or to a clear reason why they are not a document.
// Bytes are checked before anything reads them as text: empty, binary, invalid UTF-8.

export type Decoded = { text: string; encoding: string } | { error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Index of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Binary content: NUL bytes, or many control characters, in the first 64 KiB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  if (n === 0) return false;
  // UTF-16 text has NUL bytes by design; a BOM says so.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control / n > 0.05;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { error: 'empty file' };
  if (looksBinary(bytes)) return { error: 'binary content, not text' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { error: `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}` };
  }
  if (text.trim() === '') return { error: 'empty document (only white space)' };
  return { text, encoding: 'utf-8' };
}
