// A command line as the user types it ↔ the argv list the API takes. Quotes group
// words ('…' literally, "…" with \" and \\), a backslash escapes outside quotes; no
// other shell syntax: the command runs without a shell unless it names one.

export type ParsedArgs = { args: string[]; error: string | null };

export function parseArgs(text: string): ParsedArgs {
  const args: string[] = [];
  let word = "";
  let inWord = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === "\\" && (text[i + 1] === '"' || text[i + 1] === "\\")) word += text[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === "\\" && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) args.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return { args: [], error: `a ${quote === "'" ? "single" : "double"} quote is not closed` };
  if (inWord) args.push(word);
  return { args, error: null };
}

/** The inverse: words with spaces, quotes or backslashes are single-quoted. */
export function formatArgs(args: readonly string[] | null | undefined): string {
  return (args ?? []).map(quoteArg).join(" ");
}

function quoteArg(arg: string): string {
  if (arg !== "" && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'"'"'`)}'`;
}
