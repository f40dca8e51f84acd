// Docker log lines as the API sends them: "<RFC 3339 timestamp> <text>", one a line.

export type LogLine = { time: string | null; text: string };

const STAMPED = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2}) ?(.*)$/;

/** Split a line into its time of day as stamped (to the millisecond) and its text. */
export function parseLogLine(line: string): LogLine {
  const m = STAMPED.exec(line);
  if (!m) return { time: null, text: line };
  const millis = (m[3] ?? ".000").slice(0, 4).padEnd(4, "0");
  return { time: `${m[2]}${millis}`, text: m[5] ?? "" };
}

/** The lines of a logs answer, without the empty one after the final newline. */
export function parseLogs(text: string): LogLine[] {
  if (!text) return [];
  return text.replace(/\r?\n$/, "").split(/\r?\n/).map(parseLogLine);
}
