"""References between entries, checked once every exhibit is read: ``related`` of exhibits
and news, ``highlights`` of the home page (each with the closest existing id as a hint)."""

from __future__ import annotations

from .context import ReadContext
from .fields import closest
from .model import Exhibit
from .yamlfile import YList


def check_references(ctx: ReadContext, exhibits: dict[str, Exhibit]) -> None:
    # An exhibit whose exhibit.yml did not parse exists: naming it is no mistake (its own error
    # is reported), and it is still the closest guess for a misspelt id.
    ids = [*exhibits, *ctx.log.unparsed_exhibits()]
    for fields, key, values, node in ctx.reference_checks:
        for index, value in enumerate(values):
            if value in exhibits or ctx.log.is_unparsed(value):
                continue
            guess = closest(value, ids)
            mark = node.mark_of(index) if isinstance(node, YList) else None
            ctx.log.report(
                f"reference.{key}", fields.path, f"{key} 中的“{value}”不是已有的展品。",
                f"“{value}” in {key} is not an existing exhibit.",
                f"你是不是想写“{guess}”？展品标识写作“展区/文件夹名”。" if guess else "展品标识写作“展区/文件夹名”，如 history/ming-mosque。",
                f"Did you mean “{guess}”? An exhibit is named “zone/folder”." if guess else "An exhibit is named “zone/folder”, e.g. history/ming-mosque.",
                line=mark.line if mark else None, column=mark.column if mark else None,
            )
