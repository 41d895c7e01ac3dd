// Where a value sits in JSON text: the demo's paste box selects the line an error names.
//
// The engine's errors name a JSON path (`articles[14].leaning`, `ratings["Herald"]`,
// docs/STORY.md, "Errors"); JSON.parse forgets where each value was, so this reads the text
// again, keeping positions. Positions are indices into the JS string (UTF-16 code units), as
// a textarea's selection counts them. It reads the text as the engine does: a leading byte
// order mark is skipped, a key given twice means its last value (as in JSON.parse), keys are
// compared after their escapes are decoded (`"le\u0061ning"` is `leaning`), and a key with a
// lone surrogate matches the engine's U+FFFD. It is only ever asked about text the engine has
// parsed; on anything else it gives up (null) rather than guess.

/**
 * The span of the value at `path` in `text`, or of its deepest ancestor that exists (an error
 * about a missing key names the object that lacks it): { start, end, depth }, depth being how
 * many steps of the path were found. A step is an array index, or { key } for an object's key
 * ({ key, prefix: true } when the error cut the key short: any key starting so matches). Null
 * when the text cannot be read.
 */
export function locate(text, path) {
  const reader = new Reader(text, path);
  try {
    if (text.charCodeAt(0) === 0xfeff) reader.at = 1;
    reader.space();
    const found = reader.value(0);
    reader.space();
    return reader.at === text.length ? found : null;
  } catch {
    return null; // not JSON after all, or nested deeper than the JS stack
  }
}

/** The start and end of the line holding `index` (without its line break). */
export function lineAt(text, index) {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const newline = text.indexOf('\n', index);
  return { start, end: newline < 0 ? text.length : newline };
}

/**
 * The index of serde_json's `line` (1-based) and `column` (1-based, in UTF-8 bytes; 0 at the
 * start of a line, as at the end of an empty text), as the engine reports them. The engine
 * skips a leading byte order mark before counting.
 */
export function indexOfLineColumn(text, line, column) {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let n = 1; n < line; n++) {
    const newline = text.indexOf('\n', start);
    if (newline < 0) return null;
    start = newline + 1;
  }
  let bytes = Math.max(0, column - 1);
  let at = start;
  while (bytes > 0 && at < text.length && text[at] !== '\n') {
    const code = text.codePointAt(at);
    // A lone surrogate crosses into the engine as U+FFFD, three bytes.
    bytes -= code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    at += code > 0xffff ? 2 : 1;
  }
  return at;
}

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const LITERAL = /true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Reader {
  constructor(text, path) {
    this.text = text;
    this.path = path;
    this.at = 0;
  }

  fail() {
    throw new SyntaxError(`unexpected text at ${this.at}`);
  }

  space() {
    while (SPACE.has(this.text.charCodeAt(this.at))) this.at++;
  }

  expect(char) {
    if (this.text[this.at] !== char) this.fail();
    this.at++;
  }

  /** Reads the value at `at`, found `depth` steps down the path (Infinity: off the path). */
  value(depth) {
    const start = this.at;
    const step = depth < this.path.length ? this.path[depth] : undefined;
    let found = null;
    const char = this.text[this.at];
    if (char === '{') {
      this.at++;
      this.space();
      if (this.text[this.at] === '}') this.at++;
      else {
        for (;;) {
          this.space();
          if (this.text[this.at] !== '"') this.fail();
          const key = this.string(step !== undefined && typeof step === 'object');
          this.space();
          this.expect(':');
          this.space();
          const matches = step !== undefined && typeof step === 'object' && (step.prefix ? key.startsWith(step.key) : key === step.key);
          // A key given twice: the last value is the one that counts.
          const inner = this.value(matches ? depth + 1 : Infinity);
          if (matches) found = inner;
          this.space();
          if (this.text[this.at] === ',') this.at++;
          else {
            this.expect('}');
            break;
          }
        }
      }
    } else if (char === '[') {
      this.at++;
      this.space();
      if (this.text[this.at] === ']') this.at++;
      else {
        for (let index = 0; ; index++) {
          this.space();
          const matches = step === index;
          const inner = this.value(matches ? depth + 1 : Infinity);
          if (matches) found = inner;
          this.space();
          if (this.text[this.at] === ',') this.at++;
          else {
            this.expect(']');
            break;
          }
        }
      }
    } else if (char === '"') {
      this.string(false);
    } else {
      LITERAL.lastIndex = this.at;
      if (!LITERAL.test(this.text)) this.fail();
      this.at = LITERAL.lastIndex;
    }
    if (found) return found;
    return depth === Infinity ? null : { start, end: this.at, depth };
  }

  /** Reads a string; its decoded text when `decode`, else ''. */
  string(decode) {
    const { text } = this;
    this.at++; // the opening quote
    let out = '';
    let from = this.at;
    for (;;) {
      const code = text.charCodeAt(this.at);
      if (Number.isNaN(code)) this.fail();
      if (code === 0x22) break;
      if (code === 0x5c) {
        if (decode) out += text.slice(from, this.at);
        const escape = text[this.at + 1];
        if (escape === 'u') {
          const hex = text.slice(this.at + 2, this.at + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail();
          if (decode) out += String.fromCharCode(Number.parseInt(hex, 16));
          this.at += 6;
        } else {
          const plain = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }[escape];
          if (plain === undefined) this.fail();
          if (decode) out += plain;
          this.at += 2;
        }
        from = this.at;
      } else {
        this.at++;
      }
    }
    if (decode) out += text.slice(from, this.at);
    this.at++; // the closing quote
    return decode ? wellFormed(out) : '';
  }
}

/** Lone surrogates as U+FFFD, as the engine reads them. */
function wellFormed(text) {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
