// CodeMirror 6 with shell highlighting, loaded on first use (script-editor.tsx) so the
// main bundle does not carry it. Only the pieces a build script needs: no autocompletion.
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, StreamLanguage, syntaxHighlighting } from "@codemirror/language";
import { shell } from "@codemirror/legacy-modes/mode/shell";
import { EditorState } from "@codemirror/state";
import {
  drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, placeholder,
} from "@codemirror/view";
import { useEffect, useRef } from "react";

import type { ScriptEditorProps } from "./script-editor";

const theme = EditorView.theme({
  "&": { border: "1px solid #cfd6e2", borderRadius: "8px", background: "#fff", fontSize: "12.5px" },
  "&.cm-focused": { outline: "none", borderColor: "#84adff", boxShadow: "0 0 0 3px #e8effd" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.55", minHeight: "9em", maxHeight: "22em" },
  ".cm-gutters": { background: "#f8fafc", borderRight: "1px solid #e2e7ef", color: "#98a2b3", borderRadius: "8px 0 0 8px" },
  ".cm-activeLine, .cm-activeLineGutter": { background: "#f5f8ff" },
});

export default function CodeEditor({ id, value, onChange, label, readOnly = false, placeholder: hint }: ScriptEditorProps) {
  const box = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changed = useRef(onChange);

  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  // The editor is made once per mount; later value changes (a form reset) are applied below.
  useEffect(() => {
    if (!box.current) return;
    const editor = new EditorView({
      parent: box.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(), highlightActiveLineGutter(), highlightActiveLine(), drawSelection(), history(),
          bracketMatching(), StreamLanguage.define(shell), syntaxHighlighting(defaultHighlightStyle),
          // Tab indents; Escape then Tab leaves the editor (CodeMirror's tab-focus mode).
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          EditorState.tabSize.of(2), EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly),
          EditorView.contentAttributes.of({ id, "aria-label": label, "data-testid": id }),
          placeholder(hint ?? ""), theme,
          EditorView.updateListener.of((update) => {
            if (update.docChanged) changed.current(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, label, readOnly, hint]);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  return <div ref={box} className="code-editor" data-editor="codemirror" />;
}
