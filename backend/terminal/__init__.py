"""Terminals: a TTY exec in a container, from the browser (websocket) or over ssh."""
