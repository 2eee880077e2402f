// Text normalisation shared by indexing, querying and highlighting.
// Every step keeps the string's length, so offsets in the normalised text are offsets in the original.
import { Converter } from 'opencc-js/t2cn';

// Taiwan forms with phrase conversion (軟體 → 软件); other Traditional forms convert character by character.
const traditionalToSimplified = Converter({ from: 'twp', to: 'cn' });
const HAS_HAN = /\p{Script=Han}/u;

function sameLengthMap(text: string, convert: (part: string) => string): string {
  const whole = convert(text);
  if (whole.length === text.length) return whole;
  // Rare multi-character rewrites: convert one character at a time and keep any that change length.
  let out = '';
  for (const char of text) {
    const converted = convert(char);
    out += converted.length === char.length ? converted : char;
  }
  return out;
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/g;

function halfWidth(text: string): string {
  // Full-width ASCII (ＣＮＣ、１２３) is common in Chinese input.
  if (text.search(FULL_WIDTH) < 0) return text;
  return text.replace(FULL_WIDTH, (char) =>
    char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
}

/** Lower-case and half-width; same length as the input. */
export function foldCase(text: string): string {
  return sameLengthMap(halfWidth(text), (part) => part.toLowerCase());
}

/** Traditional → Simplified, keeping the length (so offsets still hold). */
export function simplifyKeepingLength(text: string): string {
  return HAS_HAN.test(text) ? sameLengthMap(text, traditionalToSimplified) : text;
}

/** Lower-case, half-width and Simplified; same length as the input. */
export function normalizeText(text: string): string {
  return simplifyKeepingLength(foldCase(text));
}

/** Traditional → Simplified only, for engines that do the rest of the normalisation themselves. */
export function toSimplified(text: string): string {
  return HAS_HAN.test(text) ? traditionalToSimplified(text) : text;
}
