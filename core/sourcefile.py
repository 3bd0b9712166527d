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


MAX_BYTES = 2 * 1024 * 1024  # a registry of a province is a few hundred KB
MAX_NODES = 200_000  # values after aliases are expanded: a "billion laughs" file stops here
MAX_DEPTH = 40
_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}


class _Budget:
    def __init__(self) -> None:
        self.nodes = 0


def _scalar(node: yaml.Node, loader: yaml.SafeLoader, problems: list) -> Any:
    """A scalar through the safe constructor; a tag it cannot honour (``!!python/name``, ``!!int abc``,
    ``!foo``) is a problem with its line, never a traceback."""
    line = node.start_mark.line + 1
    if node.tag not in _PLAIN_TAGS:
        problems.append((line, f"不支持的标签 “{node.tag}”"))
        return None
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        problems.append((line, f"值无法解析：{str(exc).splitlines()[0][:120]}"))
        return None


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int], problems: list, loader: yaml.SafeLoader,
          budget: _Budget | None = None, stack: tuple[int, ...] = ()) -> Any:
    budget = budget or _Budget()
    budget.nodes += 1
    line = node.start_mark.line + 1
    if budget.nodes > MAX_NODES:
        raise SourceFileError("", [(line, f"展开后超过 {MAX_NODES} 个值（别名展开过多？）")])
    if id(node) in stack:
        raise SourceFileError("", [(line, "锚点引用了自身（递归别名）")])
    if len(stack) > MAX_DEPTH:
        raise SourceFileError("", [(line, f"嵌套超过 {MAX_DEPTH} 层")])
    lines[path] = line
    inner = (*stack, id(node))
    if isinstance(node, yaml.MappingNode):
        if node.tag != "tag:yaml.org,2002:map":
            problems.append((line, f"不支持的标签 “{node.tag}”"))
            return {}
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                problems.append((key_node.start_mark.line + 1, "不支持合并键 “<<”"))
                continue
            key = _scalar(key_node, loader, problems) if isinstance(key_node, yaml.ScalarNode) else []
            if not (key is None or isinstance(key, str | int | float | bool)):
                problems.append((key_node.start_mark.line + 1, "键必须是简单值"))
                continue
            if key in out:
                problems.append((key_node.start_mark.line + 1, f"键 “{key}” 重复"))
            lines[(*path, key, "__key__")] = key_node.start_mark.line + 1
            out[key] = _walk(value_node, (*path, key), lines, problems, loader, budget, inner)
        return out
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            problems.append((line, f"不支持的标签 “{node.tag}”"))
            return []
        return [_walk(child, (*path, i), lines, problems, loader, budget, inner) for i, child in enumerate(node.value)]
    return _scalar(node, loader, problems)


def load_yaml(text: str, filename: str) -> tuple[Any, dict[Path_, int]]:
    """Plain data from YAML text, or SourceFileError: never a traceback, whatever the file holds
    (Python tags, unknown tags, recursive or exponential aliases, merge keys, NUL bytes, deep nesting)."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise SourceFileError(filename, [(None, f"文件超过 {MAX_BYTES // 1024} KB")])
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise SourceFileError(filename, [(line, f"YAML 语法错误：{exc.problem}")]) from exc
    except yaml.reader.ReaderError as exc:  # NUL and other characters YAML does not allow
        line = text.count("\n", 0, exc.position) + 1
        char = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise SourceFileError(filename, [(line, f"文件含有不允许的字符 {char}")]) from exc
    except RecursionError as exc:
        raise SourceFileError(filename, [(None, "嵌套过深，无法解析")]) from exc
    except yaml.YAMLError as exc:
        raise SourceFileError(filename, [(None, f"无法解析：{str(exc).splitlines()[0][:120]}")]) from exc
    if node is None:
        raise SourceFileError(filename, [(None, "文件为空")])
    lines: dict[Path_, int] = {}
    problems: list[tuple[int | None, str]] = []
    try:
        data = _walk(node, (), lines, problems, yaml.SafeLoader(""))
    except SourceFileError as exc:
        raise SourceFileError(filename, exc.problems) from None
    except RecursionError:
        raise SourceFileError(filename, [(None, f"嵌套超过 {MAX_DEPTH} 层")]) from None
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
    if kind == "greater_than_equal":
        return f"“{loc}” 的值 {error.get('input')} 不能小于 {error['ctx']['ge']}"
    if kind == "greater_than":
        return f"“{loc}” 的值 {error.get('input')} 必须大于 {error['ctx']['gt']}"
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
