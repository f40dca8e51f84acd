import { useState } from "react";

import type { Version } from "../api/versions";
import { diffVersions, type DiffLine } from "../lib/version-diff";

function Lines({ lines, side }: { lines: DiffLine[]; side: "left" | "right" }) {
  if (!lines.length) return <span className="muted">—</span>;
  return (
    <>
      {lines.map((line, i) => (
        <div key={i} className={line.only ? `diff-line diff-${side}` : "diff-line"}>
          {line.only && <span className="visually-hidden">{side === "left" ? "removed: " : "added: "}</span>}
          {line.text}
        </div>
      ))}
    </>
  );
}

/** Any two versions side by side; by default the newest and the one before it. */
export function VersionDiff({ versions, onClose }: { versions: Version[]; onClose: () => void }) {
  const [left, setLeft] = useState(versions[1]?.number ?? versions[0]?.number ?? 0);
  const [right, setRight] = useState(versions[0]?.number ?? 0);
  const a = versions.find((v) => v.number === left);
  const b = versions.find((v) => v.number === right);
  const rows = a && b ? diffVersions(a, b) : [];
  const picker = (id: string, label: string, value: number, set: (n: number) => void) => (
    <label className="filter" htmlFor={id}>{label}{" "}
      <select id={id} value={value} onChange={(e) => set(Number(e.target.value))}>
        {versions.map((v) => <option key={v.number} value={v.number}>v{v.number}</option>)}
      </select>
    </label>
  );

  return (
    <section className="card" aria-label="Compare versions" data-testid="version-diff"
      onKeyDown={(e) => { if (e.key === "Escape") onClose(); }}>
      <div className="card-head">
        <h2>Compare versions</h2>
        <div className="form-row">
          {picker("diff-left", "From", left, setLeft)}
          {picker("diff-right", "to", right, setRight)}
          <button type="button" className="btn btn-ghost" onClick={onClose}>Close</button>
        </div>
      </div>
      <table className="table diff-table">
        <thead><tr><th>Setting</th><th>v{left}</th><th>v{right}</th></tr></thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} className={row.changed ? "diff-changed" : undefined}
              data-testid={`diff-${row.field.toLowerCase().replaceAll(" ", "-")}`}>
              <th scope="row">{row.field}{row.changed && <span className="visually-hidden"> (changed)</span>}</th>
              <td className="mono small"><Lines lines={row.left} side="left" /></td>
              <td className="mono small"><Lines lines={row.right} side="right" /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.every((r) => !r.changed) && <p className="muted small">These versions have the same settings.</p>}
    </section>
  );
}
