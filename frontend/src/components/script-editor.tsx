import { lazy, Suspense } from "react";

export type ScriptEditorProps = {
  id: string;
  value: string;
  onChange: (value: string) => void;
  label: string;
  readOnly?: boolean;
  placeholder?: string;
};

const CodeEditor = lazy(() => import("./code-editor"));

/**
 * A shell script editor (CodeMirror, line numbers, Tab indents). Until its chunk loads,
 * a plain monospace textarea holds the text, so the form is usable at once.
 */
export function ScriptEditor(props: ScriptEditorProps) {
  const fallback = (
    <textarea id={props.id} className="mono" rows={8} spellCheck={false} value={props.value}
      readOnly={props.readOnly} aria-label={props.label} placeholder={props.placeholder}
      onChange={(e) => props.onChange(e.target.value)} />
  );
  return <Suspense fallback={fallback}><CodeEditor {...props} /></Suspense>;
}
