"""The official format is data: nothing outside gkreport/formats/ repeats its words.

This test collects every official label of both formats (table names and titles, row and
column labels, group headings, part headings and sub-section titles, the words of the
report title pattern) and every cell code, then reads the code outside gkreport/formats/
and finds none of them. Messages, charts and pages get their words from the format.

What is read:
- Python files under gkreport/ (migrations excepted: they are frozen history and must not
  import the live format). Only *string literals* are read, with the `ast` module, and
  docstrings are skipped: a comment or docstring may explain a rule by naming a cell
  (“S1 compares t3.carried_over with last year's t3.carried_forward”), but a value the
  program uses must come from the format.
- Templates (templates/**/*.html) and scripts (static/gkreport/*.js): read as plain text,
  with HTML/Django comments removed. They have no docstrings to spare.

What counts as a label: the text of the format data. Labels shorter than four characters
(“规章”, “总计”, “其他”, “自然人”) are skipped: they are ordinary words that appear in
unrelated sentences (“其他说明”, “总计” in a dashboard), so finding them would say nothing
about whether a module copies the format. The table names (“表二”) are the exception: short,
but never an ordinary word. Numbered labels are also checked without their official
numbering (“予以公开” for “（一）予以公开”), since that is how a copy would usually be spelled.
A few labels are everyday words as well (GENERIC, below) and are skipped.

What counts as a cell code: a literal with a table key, a dot and a row key or nothing more
(“t3.new_received.total”, “t3.carried_over.”, “t4.”): every way of spelling a code or
building one with an f-string. Table keys alone (“t2”) and row keys alone are identifiers
the format hands out, not copies of it.
"""

import ast
import re
from pathlib import Path

from gkreport.formats import FORMATS
from gkreport.formats.model import Column, ColumnGroup

ROOT = Path(__file__).resolve().parent.parent
MIN_LABEL = 4
# Sub-section titles and stripped group names that are also everyday words: “主动公开” and
# “依申请公开” are the two ways of disclosure every narrative speaks of (S3 reads “收到依申请
# 公开…件”), “无法提供” is what an error page says of a file. Their official spellings with
# numbering (“（二）依申请公开”, “（四）无法提供”) are still checked.
GENERIC = {"主动公开", "依申请公开", "无法提供"}

# “一、”, “（一）”, “1.”, “第二十条第（一）项” stays whole: only leading numbering is cut.
NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")
# The part of a label after its own parenthesised remark: “（二）部分公开（区分处理的…）”.
REMARK = re.compile(r"（[^）]*）$")
PLACEHOLDER = re.compile(r"\{\w+\}")


def _column_labels(nodes):
    for node in nodes:
        yield node.label
        if isinstance(node, ColumnGroup):
            yield from _column_labels(node.children)
        else:
            assert isinstance(node, Column)


def official_labels() -> set[str]:
    labels = set()
    for fmt in FORMATS.values():
        labels.update({fmt.name, fmt.document})
        # The title pattern's own words: “{agency}{year}年政府信息公开工作年度报告”.
        labels.update(PLACEHOLDER.split(fmt.title_pattern))
        for part in fmt.parts:
            labels.update({part.title, part.heading})
            for sub in part.subsections:
                labels.update({sub.title, sub.heading})
        for table in fmt.tables:
            labels.update({table.title, table.name})
            for block in table.blocks:
                labels.update(filter(None, (block.heading, block.row_header, block.corner)))
                labels.update(_column_labels(block.columns))
                for row in block.rows:
                    labels.update(filter(None, (row.label, row.short, *row.groups)))
                for legacy in block.legacy_rows:
                    labels.add(legacy.label)
    variants = set()
    for label in labels:
        bare = NUMBERING.sub("", label)
        variants.update({label, bare, REMARK.sub("", bare)})
    long_enough = {label for label in variants if len(label) >= MIN_LABEL} - GENERIC
    return long_enough | {table.name for fmt in FORMATS.values() for table in fmt.tables}


def cell_code_pattern() -> re.Pattern:
    """Any literal that spells a cell code, a row prefix (“t3.granted.”) or a table prefix
    followed by a row key (f"t4.{group}" is caught through its constant “t4.”)."""
    tables = sorted({table.key for fmt in FORMATS.values() for table in fmt.tables})
    # After the dot: a row key, the literal's end, an f-string's or a template literal's
    # placeholder, or (in a template or script line) the quote that closes the literal.
    return re.compile(rf"\b(?:{'|'.join(tables)})\.(?:[a-z_]+\b|$|[{{$\"'`])")


def _docstring_nodes(tree) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                ids.add(id(body[0].value))
    return ids


def _python_strings(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstring_nodes(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            yield node.lineno, node.value


TEMPLATE_COMMENT = re.compile(r"\{#.*?#\}|\{% comment %\}.*?\{% endcomment %\}|<!--.*?-->", re.S)
JS_COMMENT = re.compile(r"/\*.*?\*/|(?<![:\"'])//[^\n]*", re.S)


def _text_strings(path: Path):
    text = path.read_text(encoding="utf-8")
    text = (JS_COMMENT if path.suffix == ".js" else TEMPLATE_COMMENT).sub(
        lambda m: "\n" * m.group().count("\n"), text
    )
    yield from enumerate(text.splitlines(), 1)


def scanned_files():
    formats = ROOT / "gkreport" / "formats"
    for path in sorted((ROOT / "gkreport").rglob("*.py")):
        if formats in path.parents or "migrations" in path.parts:
            continue
        yield path, _python_strings
    for path in sorted((ROOT / "templates").rglob("*.html")):
        yield path, _text_strings
    for path in sorted((ROOT / "static" / "gkreport").glob("*.js")):
        yield path, _text_strings


def find_copies(files, root=ROOT) -> list[str]:
    labels = sorted(official_labels(), key=len, reverse=True)
    codes = cell_code_pattern()
    found = []
    for path, strings in files:
        for lineno, text in strings(path):
            where = f"{path.relative_to(root)}:{lineno}"
            for label in labels:
                if label in text:
                    found.append(f"{where}: label {label!r}")
                    break
            match = codes.search(text)
            if match:
                found.append(f"{where}: cell code {match.group()!r} in {text[:60]!r}")
    return found


def test_the_labels_are_collected_from_both_formats():
    labels = official_labels()
    assert "主动公开政府信息情况" in labels
    assert "予以公开" in labels
    assert "上年结转" in labels
    assert "现行有效件数" in labels
    assert "对外公开总数量" in labels  # 2019 only
    assert "规章" not in labels  # too short to mean anything on its own
    assert "表二" in labels  # short, but a table name
    assert "年政府信息公开工作年度报告" in labels
    assert cell_code_pattern().search("t3.new_received.total")
    assert cell_code_pattern().search("t4.")


def test_the_scan_finds_copies_in_literals_templates_and_scripts(tmp_path):
    module = tmp_path / "rule.py"
    module.write_text(
        '"""Compares t3.carried_over with last year\'s 结转下年度 (a docstring may say so)."""\n'
        "# t4.review.total in a comment is fine too\n"
        'CELL = "t3.other_no_fee.total"\n'
        'def f(key):\n    return f"t4.{key}.total", "但上一年度报告 四、结转下年度继续办理为"\n',
        encoding="utf-8",
    )
    page = tmp_path / "page.html"
    page.write_text("{# 现行有效件数 #}\n<p>核对现行有效件数</p>\n", encoding="utf-8")
    script = tmp_path / "table.js"
    script.write_text('// t2.fees.amount\nconst code = "t2." + row;\n', encoding="utf-8")
    files = [(module, _python_strings), (page, _text_strings), (script, _text_strings)]
    assert sorted(find_copies(files, tmp_path)) == [
        "page.html:2: label '现行有效件数'",
        "rule.py:3: cell code 't3.other_no_fee' in 't3.other_no_fee.total'",
        "rule.py:5: cell code 't4.' in 't4.'",
        "rule.py:5: label '四、结转下年度继续办理'",
        "table.js:2: cell code 't2.\"' in 'const code = \"t2.\" + row;'",
    ]


def test_nothing_outside_the_formats_repeats_a_label_or_a_cell_code():
    copies = find_copies(scanned_files())
    assert not copies, "official labels or cell codes outside gkreport/formats/:\n" + "\n".join(
        copies
    )
