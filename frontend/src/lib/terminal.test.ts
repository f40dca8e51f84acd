import { describe, expect, it } from "vitest";

import { authMessage, endMessage, execUrl, parseExit, resizeMessage, sshCommand } from "./terminal";

describe("terminal protocol", () => {
  it("builds the socket URL on this page's origin", () => {
    expect(execUrl("abc", { protocol: "http:", host: "localhost:8000" })).toBe("ws://localhost:8000/api/v1/containers/abc/exec");
    expect(execUrl("abc", { protocol: "https:", host: "dy.example" })).toBe("wss://dy.example/api/v1/containers/abc/exec");
  });

  it("speaks the documented frames", () => {
    expect(JSON.parse(authMessage("t", 80, 24))).toEqual({ type: "auth", token: "t", cols: 80, rows: 24 });
    expect(JSON.parse(resizeMessage(100, 30))).toEqual({ type: "resize", cols: 100, rows: 30 });
  });

  it("reads the exit frame and nothing else", () => {
    expect(parseExit('{"type":"exit","code":3,"reason":"exited"}')).toEqual({ type: "exit", code: 3, reason: "exited", detail: undefined });
    expect(parseExit('{"type":"other"}')).toBeNull();
    expect(parseExit("not json")).toBeNull();
  });
});

describe("why a session ended", () => {
  it("says the exit code", () => {
    expect(endMessage({ type: "exit", code: 0, reason: "exited" }, 1000)).toBe("Session ended: the shell exited with code 0.");
  });

  it("says why the server ended it", () => {
    expect(endMessage({ type: "exit", code: 137, reason: "revoked" }, 1000)).toMatch(/token was revoked/);
    expect(endMessage({ type: "exit", code: null, reason: "idle" }, 1000)).toMatch(/idle/);
  });

  it("explains refusals by close code", () => {
    expect(endMessage(null, 4403)).toMatch(/developer role/);
    expect(endMessage(null, 4404)).toMatch(/no such container/);
    expect(endMessage(null, 1006)).toMatch(/code 1006/);
  });

  it("fills the ssh command with the short id", () => {
    expect(sshCommand("ssh -p 2222 {container}@127.0.0.1", "0123456789abcdef")).toBe("ssh -p 2222 01234567@127.0.0.1");
  });
});
