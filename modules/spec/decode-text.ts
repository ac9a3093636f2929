/** File contents as text: UTF-8 only, as YAML 1.2 files and markdown runbooks are written today. */
import type { FileFault } from './source';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * The text of a file, or where its first byte that is not UTF-8 is. A Latin-1 `é` read as UTF-8 would
 * silently become `�` in a name; it is refused instead, at its line and column.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { fault: FileFault } {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    // A newline byte is never part of a multi-byte sequence: find the first line that does not decode.
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      const slice = bytes.subarray(lineStart, i);
      try {
        strict.decode(slice);
      } catch {
        const column = lenient.decode(slice).indexOf('\uFFFD') + 1;
        return {
          fault: {
            code: 'file/not-utf8',
            line,
            column: Math.max(column, 1),
            message: 'this file is not UTF-8 (an editor may have saved it as Latin-1 or Windows-1252); save it as UTF-8',
          },
        };
      }
      lineStart = i + 1;
      line++;
    }
    return { fault: { code: 'file/not-utf8', line: 1, column: 1, message: 'this file is not UTF-8; save it as UTF-8' } };
  }
}
