import "./log-viewer.css";

import { useLayoutEffect, useRef, useState } from "react";

import { type AnsiLine, spanClass } from "../lib/ansi";
import { atBottom, type LogBuffer, visibleWindow } from "../lib/log-buffer";

// Fixed row height: the window of rows to draw is arithmetic, so 100,000 lines cost
// what the ~40 in view cost. Long lines scroll sideways instead of wrapping.
const ROW = 18;

function Row({ line, number }: { line: AnsiLine; number: number }) {
  return (
    <div className="log-row">
      <span className="log-no">{number}</span>
      {line.spans.map((span, i) => <span key={i} className={spanClass(span)}>{span.text}</span>)}
    </div>
  );
}

type Props = {
  buffer: LogBuffer;
  /** buffer.total: changes whenever lines arrive, so the viewer redraws and follows. */
  total: number;
  height?: number;
  empty?: string;
  label?: string;
};

/**
 * A live log: ANSI colours, line numbers, follows the end until the user scrolls up and
 * again once they scroll back down (or press "Follow").
 */
export function LogViewer({ buffer, total, height = 460, empty = "No output yet.", label = "Log" }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [follow, setFollow] = useState(true);
  const count = buffer.lines.length;

  useLayoutEffect(() => {
    const el = box.current;
    if (el && follow) el.scrollTop = el.scrollHeight;
  }, [total, follow]);

  const onScroll = () => {
    const el = box.current;
    if (!el) return;
    setScrollTop(el.scrollTop);
    setFollow(atBottom(el.scrollTop, el.clientHeight, el.scrollHeight, ROW * 2));
  };
  // While following, draw the end at once rather than a frame later after the scroll event.
  const top = follow ? Math.max(0, count * ROW - height) : scrollTop;
  const { first, last } = visibleWindow(top, height, ROW, count);
  const rows = buffer.lines.slice(first, last);

  return (
    <div className="log-viewer">
      {buffer.dropped > 0 && (
        <p className="muted small log-note">
          The first {buffer.dropped.toLocaleString()} lines are not shown here; the whole log stays on the server.
        </p>
      )}
      <div ref={box} className="log-scroll" style={{ height }} onScroll={onScroll} tabIndex={0}
        role="log" aria-live="off" aria-label={label} data-testid="log-viewer" data-lines={total}>
        {count === 0 ? <div className="log-empty">{empty}</div> : (
          <div className="log-rows" style={{ height: count * ROW }}>
            <div style={{ transform: `translateY(${first * ROW}px)` }}>
              {rows.map((line, i) => <Row key={first + i} line={line} number={buffer.dropped + first + i + 1} />)}
            </div>
          </div>
        )}
      </div>
      {!follow && (
        <button type="button" className="btn btn-small btn-primary log-follow" onClick={() => setFollow(true)}>
          ↓ Follow
        </button>
      )}
    </div>
  );
}
