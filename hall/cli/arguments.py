"""Command-line mistakes explained in both languages, with the closest command offered.

argparse speaks English only ("invalid choice: 'biuld'"); staff type `hall biuld` or
`hall serve --port abc` as often as they mistype YAML, so its errors get the same
treatment as content problems: Chinese first, English second, and a fix."""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from typing import NoReturn

_INVALID_CHOICE = re.compile(r"argument (?P<arg>[^:]+): invalid choice: '(?P<value>[^']*)' \(choose from (?P<choices>.*)\)")
_INVALID_VALUE = re.compile(r"argument (?P<arg>[^:]+): invalid (?P<kind>\w+) value: '(?P<value>[^']*)'")
_UNRECOGNIZED = re.compile(r"unrecognized arguments: (?P<args>.*)")
_REQUIRED = re.compile(r"the following arguments are required: (?P<args>.*)")
_NEEDS_VALUE = re.compile(r"argument (?P<arg>[^:]+): expected one argument")

_KINDS = {"int": ("整数", "a whole number")}


def explain(message: str, prog: str) -> tuple[str, str]:
    """argparse's ``message`` as (Chinese, English) sentences, each ending with its fix."""
    if match := _INVALID_CHOICE.match(message):
        choices = [c.strip().strip("'") for c in match["choices"].split(",")]
        close = difflib.get_close_matches(match["value"], choices, n=1, cutoff=0.6)
        listed = "、".join(choices)
        if close:
            return (f"“{match['value']}”不是可用的选项。你是不是想写“{close[0]}”？可用：{listed}。",
                    f"“{match['value']}” is not one of the choices. Did you mean “{close[0]}”? Choices: {', '.join(choices)}.")
        return (f"“{match['value']}”不是可用的选项。可用：{listed}。",
                f"“{match['value']}” is not one of the choices: {', '.join(choices)}.")
    if match := _INVALID_VALUE.match(message):
        zh_kind, en_kind = _KINDS.get(match["kind"], (match["kind"], match["kind"]))
        return (f"{match['arg']} 后面应写{zh_kind}，这里是“{match['value']}”。例如：{match['arg']} 8001",
                f"{match['arg']} takes {en_kind}, not “{match['value']}”. For example: {match['arg']} 8001")
    if match := _NEEDS_VALUE.match(message):
        return (f"{match['arg']} 后面缺少值。", f"{match['arg']} needs a value after it.")
    if match := _UNRECOGNIZED.match(message):
        return (f"不认识这些参数：{match['args']}。运行 {prog} --help 查看可用的写法。",
                f"Unknown arguments: {match['args']}. Run {prog} --help to see what it accepts.")
    if match := _REQUIRED.match(message):
        if match["args"] == "command":
            return (f"请写出要做什么，例如 {prog} check、{prog} build、{prog} serve（下面列出全部）。",
                    f"Say what to do, e.g. {prog} check, {prog} build, {prog} serve (all of them are listed above).")
        return (f"缺少必填的参数：{match['args']}。运行 {prog} --help 查看用法。",
                f"Missing: {match['args']}. Run {prog} --help to see how to use it.")
    return (f"命令写法有误：{message}。运行 {prog} --help 查看用法。",
            f"The command is not right: {message}. Run {prog} --help to see how to use it.")


class StaffArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are bilingual; subcommand parsers inherit it."""

    def error(self, message: str) -> NoReturn:
        zh, en = explain(message, self.prog)
        if message.endswith("required: command"):
            self.print_help(sys.stderr)
        else:
            self.print_usage(sys.stderr)
        self.exit(2, f"{zh}\n{en}\n")
