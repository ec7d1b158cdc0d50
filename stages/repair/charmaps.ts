// Single-byte code pages that UTF-8 is commonly misread as, built once per process from
// iconv-lite's tables. Each is "sloppy" in ftfy's sense: a byte the code page leaves undefined
// reads as the character of the same number (0x81 as U+0081), so that text that went through such
// a misreading can be turned back into the same bytes; and the C1 controls U+0080-U+009F encode to
// their own byte even where the code page defines that byte, because text misread as ISO-8859-1
// carries them. U+FFFD encodes to 0x1A (SUBSTITUTE), which marks a byte lost before we saw the text.
import iconv from 'iconv-lite';

export interface Charmap {
  /** iconv-lite name. */
  name: string;
  /** Character (one UTF-16 unit: every character of these code pages is in the BMP) to byte. */
  encode: Map<number, number>;
  /** C1 controls that encode only by leniency: the code page gives their byte another character. */
  lenient: Set<number>;
}

/** Marks a lost byte inside re-encoded text. */
export const LOST_BYTE = 0x1a;

/** In the order they are tried: the most common misreadings first. */
export const CHARMAP_NAMES = ['windows-1252', 'windows-1251', 'windows-1250', 'windows-1253', 'iso-8859-7', 'iso-8859-2', 'macintosh', 'cp437', 'koi8-r'] as const;

function buildCharmap(name: string): Charmap {
  const high = iconv.decode(Buffer.from(Array.from({ length: 128 }, (_, i) => i + 128)), name);
  const encode = new Map<number, number>();
  for (let b = 0; b < 0x80; b++) encode.set(b, b);
  for (let i = 0; i < 128; i++) {
    const code = high.charCodeAt(i);
    const byte = i + 128;
    if (code === 0xfffd) encode.set(byte, byte);
    else encode.set(code, byte);
  }
  const lenient = new Set<number>();
  for (let c = 0x80; c < 0xa0; c++) {
    if (encode.has(c)) continue;
    encode.set(c, c);
    lenient.add(c);
  }
  encode.set(0xfffd, LOST_BYTE);
  return { name, encode, lenient };
}

export const CHARMAPS: readonly Charmap[] = CHARMAP_NAMES.map(buildCharmap);

/** windows-1252 as browsers read it: what a lone C1 control most likely meant. */
export const WINDOWS_1252_HIGH: string = iconv.decode(Buffer.from(Array.from({ length: 32 }, (_, i) => i + 0x80)), 'windows-1252');

/** Every non-ASCII character that any of these code pages can produce: text without one cannot be mojibake of them. */
export const MOJIBAKE_ALPHABET: ReadonlySet<number> = new Set(
  CHARMAPS.flatMap((m) => [...m.encode.keys()].filter((c) => c >= 0x80 && c !== 0xfffd)),
);

/** MacRoman's 0x80-0x9F: letters, which is what a C1 control inside a word most likely was. */
export const MACROMAN_HIGH: string = iconv.decode(Buffer.from(Array.from({ length: 32 }, (_, i) => i + 0x80)), 'macintosh');
