"""The build pipeline: clone a commit, render a Dockerfile, build, push, keep the log."""
