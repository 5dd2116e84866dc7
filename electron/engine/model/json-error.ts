/**
 * Where a JSON text first goes wrong, as "line L column C", for error messages (Node 20's
 * JSON.parse messages do not always give a position). A small recursive-descent scanner that only
 * locates the error; JSON.parse still does the parsing.
 */
export function jsonErrorLocation(text: string): { offset: number; line: number; column: number } | undefined {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const bad = (): never => {
    throw i;
  };
  const lit = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else bad();
  };
  const str = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) bad();
      i++;
    }
    if (i >= text.length) bad();
    i++;
  };
  const num = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) bad();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') bad();
        str();
        ws();
        if (text[i] !== ':') bad();
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else bad();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else bad();
      }
    } else if (c === '"') str();
    else if (c === 't') lit('true');
    else if (c === 'f') lit('false');
    else if (c === 'n') lit('null');
    else num();
  };
  try {
    value();
    ws();
    if (i < text.length) bad();
    return undefined;
  } catch (e) {
    if (typeof e !== 'number') throw e;
    const before = text.slice(0, e).split('\n');
    return { offset: e, line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
  }
}
