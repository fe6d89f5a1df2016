"""The README examples that assert what they show run as written (the repository's README
and python/README.md), so the documentation cannot drift from the package."""

import re

import pytest

from conftest import REPO

READMES = [REPO / "README.md", REPO / "python" / "README.md"]


def asserting_blocks():
    for path in READMES:
        text = path.read_text(encoding="utf-8")
        for n, block in enumerate(re.findall(r"```python\n(.*?)```", text, re.S)):
            if "assert " in block:
                yield pytest.param(block, id=f"{path.parent.name}/{path.name}#{n}")


@pytest.mark.parametrize("block", list(asserting_blocks()))
def test_readme_block(block):
    exec(compile(block, "<README>", "exec"), {})
