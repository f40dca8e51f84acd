// The lines of a live log, parsed once as they arrive (ANSI state carries from line to
// line), capped so a runaway build cannot exhaust the tab; the viewer draws a window of it.
import { type AnsiLine, type AnsiStyle, parseAnsiLine, PLAIN } from "./ansi";

export const MAX_LINES = 100_000;

export class LogBuffer {
  lines: AnsiLine[] = [];
  /** Lines dropped from the front to stay under the cap (their numbers stay right). */
  dropped = 0;
  private style: AnsiStyle = PLAIN;
  private readonly max: number;

  constructor(max = MAX_LINES) {
    this.max = max;
  }

  /** Add whole lines (without their newline). */
  push(raw: readonly string[]): void {
    for (const text of raw) {
      const line = parseAnsiLine(text, this.style);
      this.style = line.end;
      this.lines.push(line);
    }
    const excess = this.lines.length - this.max;
    if (excess > 0) {
      // Drop in chunks of a tenth so the splice is rare, not once a line.
      const cut = Math.max(excess, Math.floor(this.max / 10));
      this.lines.splice(0, cut);
      this.dropped += cut;
    }
  }

  /** Lines received so far, dropped ones included. */
  get total(): number {
    return this.dropped + this.lines.length;
  }
}

/** A text chunk split into whole lines; the unfinished tail is returned to prepend next time. */
export function splitLines(pending: string, chunk: string): { lines: string[]; rest: string } {
  const parts = (pending + chunk).split("\n");
  const rest = parts.pop() ?? "";
  return { lines: parts, rest };
}

export type Window = { first: number; last: number };

/** Rows [first, last) to draw for a scroll position, with `overscan` rows either side. */
export function visibleWindow(scrollTop: number, viewHeight: number, rowHeight: number,
  count: number, overscan = 20): Window {
  const top = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const rows = Math.ceil(viewHeight / rowHeight);
  return { first: Math.max(0, top - overscan), last: Math.min(count, top + rows + overscan) };
}

/** Following means the view is (nearly) at the bottom: within `slack` pixels of it. */
export function atBottom(scrollTop: number, viewHeight: number, scrollHeight: number, slack: number): boolean {
  return scrollHeight - scrollTop - viewHeight <= slack;
}
