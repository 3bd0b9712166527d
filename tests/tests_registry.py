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


def crawl_scripted_unit(sqlite_url: str, routes: dict, tls=None):
    """Serve `routes` (tests/localserver.py), crawl them as the one unit of `one_unit_registry` into the
    database at `sqlite_url`, and return (the audit data the checks read, the site's address, the paths it
    was asked for). `tls`: an ssl.SSLContext to serve HTTPS with."""
    from conftest import settings_for
    from localserver import ScriptedServer

    from checks.loader import load_audit_data
    from crawler.launch import run_crawl
    from storage.db import make_engine, make_sessionmaker
    from zwgk.units_file import import_registry, parse_registry

    with ScriptedServer(routes, tls=tls) as server:
        Session = make_sessionmaker(make_engine(sqlite_url))
        with Session() as s, s.begin():
            import_registry(s, parse_registry(one_unit_registry(server.url), "test.yaml"))
        run_crawl(settings_for(sqlite_url, check_links=False, collect_new_media=False), Session,
                  echo=lambda line: None)
        fetched = {path for _, _, path in server.log}
    with Session() as s:
        return load_audit_data(s), server.url, fetched
