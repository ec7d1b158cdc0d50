// Reading UTF-8 byte by byte, for the two places that must look inside bytes rather than decode
// them whole: the runner's decoder (is this file UTF-8, and which bytes break it?) and the repair
// stage (which runs of mojibake were UTF-8 read in the wrong code page?). Two notions are kept
// apart: a sequence *shaped* like UTF-8 (a lead byte and as many continuation bytes as it asks
// for) and a *well-formed* one (Unicode's Table 3-7, which also rules out overlong forms,
// surrogates and code points past U+10FFFF, as TextDecoder does).

/** How many continuation bytes a lead byte asks for: 0 for ASCII, -1 for a byte no character starts with. */
export function continuationCount(lead: number): number {
  if (lead < 0x80) return 0;
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return -1;
}

export function isContinuation(b: number | undefined): boolean {
  return b !== undefined && (b & 0xc0) === 0x80;
}

/** Length of the multi-byte sequence shaped like UTF-8 at `i` (overlong or surrogate or not), or 0. */
export function shapedLength(bytes: Uint8Array, i: number): number {
  const need = continuationCount(bytes[i] as number);
  if (need <= 0) return 0;
  for (let k = 1; k <= need; k++) if (!isContinuation(bytes[i + k])) return 0;
  return need + 1;
}

/** Length of the well-formed UTF-8 sequence at `i` (ASCII included), or 0. */
export function wellFormedLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b === undefined) return 0;
  const need = continuationCount(b);
  if (need < 0) return 0;
  // The second byte's range depends on the lead (Unicode's table of well-formed sequences).
  const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
  const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return 0;
  }
  return need + 1;
}

/** Index of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = wellFormedLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/** 6 when a CESU-8 surrogate pair (a high surrogate's three bytes, then a low one's) starts at `i`, else 0. */
export function cesuPairLength(bytes: Uint8Array, i: number): number {
  const hi = bytes[i + 1] ?? 0;
  const lo = bytes[i + 4] ?? 0;
  const pair =
    bytes[i] === 0xed && hi >= 0xa0 && hi <= 0xaf && isContinuation(bytes[i + 2]) &&
    bytes[i + 3] === 0xed && lo >= 0xb0 && lo <= 0xbf && isContinuation(bytes[i + 5]);
  return pair ? 6 : 0;
}

/** The code point of the sequence of `length` bytes at `i` (a three-byte surrogate gives the surrogate). */
export function codePointOf(bytes: Uint8Array, i: number, length: number): number {
  const lead = bytes[i] as number;
  let cp = length === 1 ? lead : length === 2 ? lead & 0x1f : length === 3 ? lead & 0x0f : lead & 0x07;
  for (let k = 1; k < length; k++) cp = (cp << 6) | ((bytes[i + k] as number) & 0x3f);
  return cp;
}
