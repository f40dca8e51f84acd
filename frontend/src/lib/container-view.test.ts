import { describe, expect, it } from "vitest";

import { type ContainerDetail, lastFailedCheck, unwellReason } from "./container-view";

const base: ContainerDetail = {
  id: "c", app_id: "a", version: 1, cluster_id: "k", host_id: "h", host_name: "h1", name: "dy-c", docker_id: "d",
  desired_state: "running", state: "running", health: "healthy", serving: true, ports: {}, last_error: "",
  created_at: "2026-01-01T00:00:00Z", updated_at: null, exit_code: null, restart_count: 0, health_log: [],
};

describe("unwellReason", () => {
  it("is null for a healthy container", () => {
    expect(unwellReason(base)).toBeNull();
  });

  it("quotes the newest failed health check", () => {
    const log = [
      { exit_code: 0, end: "t1", output: "ok" },
      { exit_code: 1, end: "t2", output: "wget: server returned error: HTTP/1.1 500 Internal Server Error\nmore" },
    ];
    expect(unwellReason({ ...base, health: "unhealthy", health_log: log })).toBe(
      "Its health check exited with code 1: wget: server returned error: HTTP/1.1 500 Internal Server Error.");
    expect(lastFailedCheck(log)?.end).toBe("t2");
    expect(unwellReason({ ...base, health: "unhealthy", health_log: [{ exit_code: null, end: "t", output: "" }] }))
      .toBe("Its health check timed out without output.");
    expect(unwellReason({ ...base, health: "unhealthy" })).toMatch(/not reported/);
  });

  it("explains a container that stopped although it should run", () => {
    expect(unwellReason({ ...base, state: "exited", health: null, exit_code: 137 }))
      .toBe("It stopped with code 137 although it should run.");
    expect(unwellReason({ ...base, state: "exited", desired_state: "stopped", exit_code: 0 })).toBeNull();
  });

  it("says what the last attempt reported", () => {
    expect(unwellReason({ ...base, state: "pending", last_error: "No Docker engine answered" }))
      .toBe("The last attempt failed: No Docker engine answered.");
  });
});
