"""The exec websocket's protocol, published in the OpenAPI description of containers."""

EXEC_PROTOCOL = """\
Containers of an app: list, get, start/stop/restart, remove, logs, and a terminal.

**Terminal: `GET /api/v1/containers/{container_id}/exec` (websocket)**

1. Connect. A browser's `Origin` must be the platform's own (or one listed in
   `DOCKYARD_TERMINAL_ORIGINS`); clients that send no `Origin` are allowed.
   A foreign origin is closed with **4403**.
2. Within 5 s send one text frame
   `{"type": "auth", "token": "<bearer token>", "cols": 80, "rows": 24, "cmd": "…"}`
   (`cmd` optional: a string run by `/bin/sh -c`, or an argv list; without it the
   container's `/bin/sh`). Otherwise the socket closes with **4401** (also for a bad,
   expired or revoked token).
3. The caller needs the **developer** role or above in the app's group: a viewer gets
   **4403**; a non-member gets **4404**, exactly as for a missing container. **4409**: the
   container is not running; **4429**: too many sessions for the user or the container.
   No Docker exec exists before all of these checks passed.
4. Then a TTY exec runs on the container's host. Client → server text frames
   `{"type": "input", "data": "…"}` and `{"type": "resize", "cols": N, "rows": N}`;
   server → client **binary** frames carrying the output bytes.
5. At the end the server sends one text frame
   `{"type": "exit", "code": N, "reason": "exited|idle|revoked|forbidden|removed|closed|error",
   "detail": "…"}` and closes with 1000. `code` is the command's exit code (null if unknown).
   A session ends when its command exits, when idle for `DOCKYARD_TERMINAL_IDLE_S`, or
   within `DOCKYARD_TERMINAL_RECHECK_S` of its token being revoked or its role removed.

Every session is recorded as one `container.terminal` event (who, container, web or ssh,
start, end, exit code, bytes each way). The same shells are reachable over ssh:
`ssh -p 2222 <container id or unambiguous prefix>@<platform host>` with a key added
under `/api/v1/users/me/keys` (see `GET /api/v1/terminal`).
"""

TAGS = [{"name": "containers", "description": EXEC_PROTOCOL}]
