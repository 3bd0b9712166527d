"""A one-unit registry for tests that serve their own site (tests/localserver.py)."""


def one_unit_registry(url: str, robots: bool | None = None) -> str:
    override = "" if robots is None else f"\n    robots: {str(robots).lower()}"
    return f"""jurisdiction: 测试县
scheme: yunhe-2022
level: county
units:
  - id: polite
    name: 测试单位
    kind: department
    portal: {url}/{override}
    internal: true
    columns:
      - {{name: 通知公告, url: {url}/list/index.html, category: notice}}
"""
