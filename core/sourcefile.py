"""YAML data files (registry, schemes) validated with pydantic, with errors that name the line.

PyYAML's composer keeps the position of every node; we walk the node tree once to build the plain
data and a map from each path (("units", 3, "portal")) to its line, then translate pydantic's error
locations through that map.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

M = TypeVar("M", bound=BaseModel)
Path_ = tuple[Any, ...]


class SourceFileError(Exception):
    """A data file that cannot be used; `problems` is a list of (line, message)."""

    def __init__(self, filename: str, problems: list[tuple[int | None, str]]):
        self.filename = filename
        self.problems = sorted(problems, key=lambda p: (p[0] or 0, p[1]))
        super().__init__(self.render())

    def render(self) -> str:
        lines = [f"{self.filename}: 发现 {len(self.problems)} 处错误，未做任何修改"]
        for line, message in self.problems:
            where = f"第 {line} 行" if line else "文件"
            lines.append(f"  {self.filename}:{line or '-'}: {where}：{message}")
        return "\n".join(lines)


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int], problems: list, loader: yaml.SafeLoader) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                problems.append((key_node.start_mark.line + 1, "键必须是简单值"))
                continue
            if key in out:
                problems.append((key_node.start_mark.line + 1, f"键 “{key}” 重复"))
            lines[(*path, key, "__key__")] = key_node.start_mark.line + 1
            out[key] = _walk(value_node, (*path, key), lines, problems, loader)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_walk(child, (*path, i), lines, problems, loader) for i, child in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def load_yaml(text: str, filename: str) -> tuple[Any, dict[Path_, int]]:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise SourceFileError(filename, [(line, f"YAML 语法错误：{exc.problem}")]) from exc
    if node is None:
        raise SourceFileError(filename, [(None, "文件为空")])
    lines: dict[Path_, int] = {}
    problems: list[tuple[int | None, str]] = []
    data = _walk(node, (), lines, problems, yaml.SafeLoader(""))
    if problems:
        raise SourceFileError(filename, problems)
    return data, lines


def line_of(lines: dict[Path_, int], loc: Path_) -> int | None:
    """The line of the deepest known prefix of `loc` (a missing key points at its parent)."""
    key_line = lines.get((*loc, "__key__"))
    if key_line:
        return key_line
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None


def _message(error: ErrorDetails) -> str:
    loc = ".".join(str(p) for p in error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"未知的键 “{error['loc'][-1]}”"
    if kind == "missing":
        return f"缺少必填项 “{loc}”"
    if kind == "literal_error":
        return f"“{loc}” 的值 {error.get('input')!r} 无效，应为 {error['ctx']['expected']}"
    text = error["msg"].removeprefix("Value error, ")
    return f"“{loc}”：{text}"


def validate(model: type[M], data: Any, lines: dict[Path_, int], filename: str) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = tuple(error["loc"])
            problems.append((line_of(lines, loc), _message(error)))
        raise SourceFileError(filename, problems) from exc


def load_model(model: type[M], path: Path | str) -> tuple[M, dict[Path_, int]]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceFileError(str(path), [(None, f"无法读取：{exc}")]) from exc
    data, lines = load_yaml(text, str(path))
    return validate(model, data, lines, str(path)), lines
