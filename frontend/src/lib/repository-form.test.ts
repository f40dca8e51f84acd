import { describe, expect, it } from "vitest";

import {
  changedFields, emptyRepositoryForm, fromRepository, gitUrlError, parseContainerPaths, parseContainerPorts,
  repositoryFieldOf, repositoryFormSchema, repositoryNameError, toRepositoryBody,
} from "./repository-form";

describe("repository names and git URLs", () => {
  it("follow Docker's grammar", () => {
    expect(repositoryNameError("shop-api")).toBeNull();
    expect(repositoryNameError("Shop")).toMatch(/Lower-case/);
    expect(repositoryNameError("a/b")).toMatch(/Lower-case/);
    expect(repositoryNameError("")).toMatch(/name/);
  });

  it("take https, http, git and ssh only", () => {
    for (const url of ["https://git.example.com/a.git", "http://127.0.0.1:9418/a", "git://h/a", "ssh://git@h/a.git"]) {
      expect(gitUrlError(url)).toBeNull();
    }
    expect(gitUrlError("file:///etc")).toMatch(/Only/);
    expect(gitUrlError("ext::sh -c x")).toMatch(/spaces/);
    expect(gitUrlError("-uhttps://x")).toMatch(/'-'/);
    expect(gitUrlError("git@github.com:a/b.git")).toMatch(/Only|scp/);
    expect(gitUrlError("")).toMatch(/URL/);
  });
});

describe("ports and volumes", () => {
  it("parse ports separated by commas, spaces or lines", () => {
    expect(parseContainerPorts("8080, 9000\n53")).toEqual({
      ports: [{ container_port: 8080 }, { container_port: 9000 }, { container_port: 53 }], errors: [],
    });
    expect(parseContainerPorts("").ports).toEqual([]);
    expect(parseContainerPorts("0 70000 x 80 80").errors).toEqual([
      '"0" is not a port from 1 to 65535', '"70000" is not a port from 1 to 65535',
      '"x" is not a port from 1 to 65535', "port 80 is listed twice",
    ]);
  });

  it("parse one absolute container path a line", () => {
    expect(parseContainerPaths("/data\n\n /cache \n")).toEqual({
      volumes: [{ container_path: "/data" }, { container_path: "/cache" }], errors: [],
    });
    expect(parseContainerPaths("data\n/\n/a/../b").errors).toHaveLength(3);
  });
});

describe("the form", () => {
  const values = {
    ...emptyRepositoryForm, name: "shop", git_url: "https://git.example.com/shop.git", base_image: "r/library/busybox:1",
    build_script: "make\n", start_script: "exec ./shop", ports: "8080", volumes: "/data", build_env: "A=1\nB=x=y",
  };

  it("turns into the request body and back", () => {
    const body = toRepositoryBody(values);
    expect(body).toEqual({
      git_url: "https://git.example.com/shop.git", branch: "main", base_image: "r/library/busybox:1",
      build_script: "make\n", start_script: "exec ./shop", ports: [{ container_port: 8080 }],
      volumes: [{ container_path: "/data" }], build_env: { A: "1", B: "x=y" }, build_on_push: true, build_on_tag: true,
    });
    expect(fromRepository({ ...body, name: "shop" })).toEqual(values);
  });

  it("names every mistake", () => {
    const result = repositoryFormSchema(true).safeParse({
      ...values, name: "Shop", git_url: "file:///x", base_image: "", ports: "0", build_env: "1A=2",
    });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((i) => i.path.join(".")).sort();
    expect(fields).toEqual(["base_image", "build_env", "git_url", "name", "ports"]);
  });

  it("does not check the name when editing", () => {
    expect(repositoryFormSchema(false).safeParse({ ...values, name: "" }).success).toBe(true);
  });
});

describe("saving", () => {
  const body = toRepositoryBody({ ...emptyRepositoryForm, git_url: "https://h/a.git", base_image: "b:1", build_env: "A=1" });

  it("sends only what changed", () => {
    expect(changedFields(body, { ...body })).toEqual({});
    expect(changedFields(body, { ...body, build_env: { A: "2" }, build_on_tag: false }))
      .toEqual({ build_env: { A: "2" }, build_on_tag: false });
  });

  it("places a 422 beside its field", () => {
    expect(repositoryFieldOf(["ports", "0", "container_port"])).toBe("ports");
    expect(repositoryFieldOf(["git_url"])).toBe("git_url");
    expect(repositoryFieldOf(["other"])).toBeNull();
  });
});
