from datetime import date

import pytest

from crawler.extract.dates import find_date


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("2024-06-12", None, date(2024, 6, 12)),
        ("2024年6月12日", None, date(2024, 6, 12)),
        ("发布时间：2024-06-12 10:30", None, date(2024, 6, 12)),
        ("发布日期：2018年1月11日", None, date(2018, 1, 11)),
        ("2026- 08- 07", None, date(2026, 8, 7)),
        ("2022/8/2", None, date(2022, 8, 2)),
        ("2022.08.02", None, date(2022, 8, 2)),
        ("20240612", None, date(2024, 6, 12)),
        ("[06-12]", 2024, date(2024, 6, 12)),
        ("[06-12]", None, None),  # no year from context: not guessed
        ("2024-02-30", None, None),  # impossible date
        ("索引号 002/2024-00012", None, None),
        ("", None, None),
    ],
)
def test_find_date(text: str, year: int | None, expected: date | None) -> None:
    assert find_date(text, year=year) == expected


def test_dateparser_fallback_for_other_forms() -> None:
    assert find_date("June 12, 2024", fallback=True) == date(2024, 6, 12)
    assert find_date("June 12, 2024") is None
