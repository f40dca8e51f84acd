// ANSI SGR colours in build output (docker, pip, npm colour their lines) turned into
// styled spans; every other escape sequence is dropped so no control byte reaches the DOM.

export const COLOURS = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"] as const;
export type Colour = (typeof COLOURS)[number] | `bright-${(typeof COLOURS)[number]}`;
export type AnsiStyle = { fg: Colour | null; bold: boolean };
export type AnsiSpan = AnsiStyle & { text: string };
export type AnsiLine = { spans: AnsiSpan[]; end: AnsiStyle };

export const PLAIN: AnsiStyle = { fg: null, bold: false };

// CSI (ESC [ params final), OSC (ESC ] … BEL or ESC \), and the short ones (ESC c, ESC ( B).
// eslint-disable-next-line no-control-regex
const ESCAPE = /\x1b\[([0-?]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[ -/]*[0-~]?/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/g;

/** The style after one SGR sequence's parameters ("1;31", "" = reset). */
export function applySgr(style: AnsiStyle, params: string): AnsiStyle {
  const codes = params === "" ? [0] : params.split(/[;:]/).map((p) => (p === "" ? 0 : Number(p)));
  let { fg, bold } = style;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] ?? 0;
    if (code === 0) ({ fg, bold } = PLAIN);
    else if (code === 1) bold = true;
    else if (code === 22) bold = false;
    else if (code >= 30 && code <= 37) fg = COLOURS[code - 30] ?? null;
    else if (code >= 90 && code <= 97) fg = `bright-${COLOURS[code - 90] ?? "white"}`;
    else if (code === 39) fg = null;
    // 256-colour and true-colour forms carry their own numbers: skip them, they are not codes.
    else if ((code === 38 || code === 48) && codes[i + 1] === 5) i += 2;
    else if ((code === 38 || code === 48) && codes[i + 1] === 2) i += 4;
  }
  return { fg, bold };
}

/** A terminal shows only what follows the last carriage return (progress bars redraw). */
function afterCarriageReturn(line: string): string {
  const trimmed = line.endsWith("\r") ? line.slice(0, -1) : line;
  const cr = trimmed.lastIndexOf("\r");
  return cr < 0 ? trimmed : trimmed.slice(cr + 1);
}

/** One line of output as spans, starting in `start` (colours may carry over lines). */
export function parseAnsiLine(raw: string, start: AnsiStyle = PLAIN): AnsiLine {
  const line = afterCarriageReturn(raw);
  const spans: AnsiSpan[] = [];
  let style = start;
  let last = 0;
  const push = (text: string) => {
    const clean = text.replace(CONTROL, "");
    if (!clean) return;
    const prev = spans[spans.length - 1];
    if (prev && prev.fg === style.fg && prev.bold === style.bold) prev.text += clean;
    else spans.push({ text: clean, ...style });
  };
  for (const match of line.matchAll(ESCAPE)) {
    push(line.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[2] === "m") style = applySgr(style, match[1] ?? "");
  }
  push(line.slice(last));
  return { spans, end: style };
}

/** The text of a line without its styles (copying, searching, tests). */
export function plainText(line: AnsiLine): string {
  return line.spans.map((s) => s.text).join("");
}

/** The CSS classes of a span: `ansi-red`, `ansi-bright-blue`, `ansi-bold`. */
export function spanClass(span: AnsiStyle): string | undefined {
  const classes = [span.fg && `ansi-${span.fg}`, span.bold && "ansi-bold"].filter(Boolean);
  return classes.length ? classes.join(" ") : undefined;
}
