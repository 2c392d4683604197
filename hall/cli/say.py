"""How the `hall` command talks to staff: one line in Chinese, then the same in English;
problems (the computer's own refusals too) as the file, both languages and a fix."""

from __future__ import annotations

import argparse
import shlex
import sys
import traceback
from pathlib import Path
from typing import TextIO

from ..content.problems import Problem
from ..content.system_problems import Command, port_problem, system_problem


def say(zh: str, en: str, stream: TextIO | None = None) -> None:
    print(f"{zh}  {en}", file=stream or sys.stdout, flush=True)


VERBOSE_HELP = "显示全部日志，出错时显示详细信息 show the full log and, on failure, the details"


def verbose_option() -> argparse.ArgumentParser:
    """``--verbose`` for every subcommand, so it works after the subcommand as well as before
    it (``hall check --verbose``, ``hall --verbose check``): the default is left to the main
    parser's option, which a subcommand then only ever switches on."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help=VERBOSE_HELP)
    return parent


def say_problem(problem: Problem) -> None:
    print(problem.format(), file=sys.stderr, flush=True)


def say_system_error(err: OSError, command: str, root: Path, *, output: Path | None = None,
                     port: int | None = None, verbose: bool = False) -> None:
    """Explain ``err`` (a full disk, a refused write, a port in use) met by ``hall COMMAND``;
    with ``verbose`` the traceback comes first, for the developers."""
    if verbose:
        traceback.print_exc()
    kind: Command = command if command in ("build", "serve", "kiosk") else "other"  # type: ignore[assignment]
    found = port_problem(err, kind, "127.0.0.1", port) if port is not None else None
    say_problem(found or system_problem(err, root, kind, output))


def say_internal_error(err: BaseException, argv: list[str]) -> None:
    """A bug of ours: said briefly, with the very command line to run again for its details."""
    again = shlex.join(["hall", *argv, "--verbose"])
    say(f"内部错误：{err}（运行 {again} 查看详情，并报告给技术人员）。",
        f"Internal error: {err} (run `{again}` for details and tell the developers).", sys.stderr)
