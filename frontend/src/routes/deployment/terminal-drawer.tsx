import "@xterm/xterm/css/xterm.css";
import "./terminal.css";

import { useQuery } from "@tanstack/react-query";
import { FitAddon } from "@xterm/addon-fit";
import { Terminal } from "@xterm/xterm";
import { useEffect, useRef, useState } from "react";

import { getToken } from "../../api/auth-token";
import { terminalInfoQuery } from "../../api/terminal";
import { Badge } from "../../components/badge";
import { CopyButton } from "../../components/copy-button";
import { shortId } from "../../lib/format";
import {
  authMessage, endMessage, execUrl, type ExitFrame, inputMessage, parseExit, resizeMessage, sshCommand,
} from "../../lib/terminal";

export type TerminalTarget = { id: string; host: string | null };
type Status = "connecting" | "open" | "ended";

/** Opens the exec socket into `target`, wires it to xterm.js, and reports how it ended. */
function useTerminal(target: TerminalTarget, box: React.RefObject<HTMLDivElement | null>) {
  const [status, setStatus] = useState<Status>("connecting");
  const [ended, setEnded] = useState<string | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const term = new Terminal({
      cursorBlink: true, fontSize: 13, scrollback: 5000,
      fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
      theme: { background: "#0f172a", foreground: "#e2e8f0" },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(box.current);
    fit.fit();
    const ws = new WebSocket(execUrl(target.id, window.location));
    ws.binaryType = "arraybuffer";
    let exit: ExitFrame | null = null;
    const send = (frame: string) => ws.readyState === WebSocket.OPEN && ws.send(frame);
    ws.onopen = () => {
      ws.send(authMessage(getToken() ?? "", term.cols, term.rows));
      setStatus("open");
      term.focus();
    };
    ws.onmessage = (event: MessageEvent<ArrayBuffer | string>) => {
      if (typeof event.data === "string") exit = parseExit(event.data) ?? exit;
      else term.write(new Uint8Array(event.data));
    };
    ws.onclose = (event) => {
      const message = endMessage(exit, event.code);
      setEnded(message);
      setStatus("ended");
      term.options.disableStdin = true;
      term.options.cursorBlink = false;
      term.write(`\r\n\x1b[33m${message}\x1b[0m\r\n`);
    };
    const data = term.onData((d) => send(inputMessage(d)));
    const resized = term.onResize(({ cols, rows }) => send(resizeMessage(cols, rows)));
    const observer = new ResizeObserver(() => fit.fit());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      data.dispose();
      resized.dispose();
      ws.onclose = null;
      ws.close();
      term.dispose();
    };
  }, [target.id, box]);

  return { status, ended };
}

const TONES = { connecting: "amber", open: "green", ended: "gray" } as const;

type PaneProps = { target: TerminalTarget; onClose: () => void; onReconnect: () => void };

/** A side panel with a shell in the container (xterm.js over the exec websocket). */
function TerminalPane({ target, onClose, onReconnect }: PaneProps) {
  const box = useRef<HTMLDivElement>(null);
  const { status, ended } = useTerminal(target, box);
  const info = useQuery(terminalInfoQuery());
  const ssh = info.data ? sshCommand(info.data.ssh_command, target.id) : null;

  return (
    <div className="drawer-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <aside className="drawer drawer-wide" role="dialog" aria-modal="true" aria-label="Container terminal" data-testid="terminal-drawer">
        <header className="drawer-head">
          <div>
            <h2>Terminal <span className="mono muted">{shortId(target.id)}</span></h2>
            <p className="muted small">
              on {target.host ?? "no host"} · <Badge tone={TONES[status]}>{status}</Badge>
            </p>
          </div>
          <div className="drawer-actions">
            {status === "ended" && (
              <button type="button" className="btn btn-small" onClick={onReconnect}>Reconnect</button>
            )}
            <button type="button" className="btn btn-small btn-ghost" onClick={onClose} aria-label="Close terminal">✕</button>
          </div>
        </header>
        {ended && <div className="alert alert-info" role="status" data-testid="terminal-ended">{ended}</div>}
        <div className="terminal-box" ref={box} data-testid="terminal" />
        {ssh && (
          <div className="terminal-ssh small">
            <span className="muted">Over ssh (add a key under SSH keys):</span>
            <code data-testid="ssh-command">{ssh}</code>
            <CopyButton text={ssh} />
          </div>
        )}
      </aside>
    </div>
  );
}

/** A new pane (and socket) per attempt: Reconnect starts from a clean state. */
export function TerminalDrawer({ target, onClose }: { target: TerminalTarget; onClose: () => void }) {
  const [attempt, setAttempt] = useState(0);
  return <TerminalPane key={attempt} target={target} onClose={onClose} onReconnect={() => setAttempt((n) => n + 1)} />;
}
