from typing import Annotated, Literal

from pydantic import BaseModel, Field

Size = Annotated[int, Field(ge=1, le=1000)]


class AuthMessage(BaseModel):
    """The exec socket's first client message."""

    type: Literal["auth"]
    token: str = Field(min_length=1, max_length=512)
    cols: Size = 80
    rows: Size = 24
    # A one-off command instead of the shell: a string runs through /bin/sh -c.
    cmd: str | list[str] | None = None

    def argv(self) -> list[str] | None:
        if self.cmd is None or self.cmd == [] or self.cmd == "":
            return None
        return ["/bin/sh", "-c", self.cmd] if isinstance(self.cmd, str) else self.cmd


class InputMessage(BaseModel):
    type: Literal["input"]
    data: str = Field(max_length=1 << 20)


class ResizeMessage(BaseModel):
    type: Literal["resize"]
    cols: Size
    rows: Size


class TerminalInfo(BaseModel):
    """How to reach containers over ssh from outside the browser."""

    ssh_host: str
    ssh_port: int
    ssh_command: str = Field(description="With {container} where the container id goes.")
