"""Writing a report dict out as the text extractions of published reports look."""

from gkreport.formats import FORMAT_2021
from gkreport.formats.grid import table_grid
from gkreport.lib.values import format_value

PREAMBLE = "根据《中华人民共和国政府信息公开条例》，现公布本机关2023年度政府信息公开工作年度报告。"


def table_lines(report, table_key, layout="tab", label=lambda text: text):
    fmt = FORMAT_2021
    rows = []
    for grid_row in table_grid(fmt.table(table_key)):
        cells = []
        for cell in grid_row.cells:
            if cell.kind == "value":
                value = report["raw"].get(cell.code)
                if value is None:
                    value = format_value(report["figures"].get(cell.code))
                cells.append(value)
            else:
                cells.append(label(cell.text))
        rows.append(cells)
    lines = []
    for cells in rows:
        if layout == "tab":
            lines.append("\t".join(cells))
        elif layout == "pipe":
            lines.append("| " + " | ".join(cells) + " |")
        elif layout == "lines":
            lines.extend("\t" + cell for cell in cells)
            lines.append("")
    return lines


def report_text(report, layout="tab", label=lambda text: text, title=None):
    fmt = FORMAT_2021
    title = title or f"{report['agency']}{report['year']}年政府信息公开工作年度报告"
    lines = [title, "", PREAMBLE, ""]
    for part in fmt.parts:
        lines.append(part.heading)
        if part.table:
            lines.extend(table_lines(report, part.table, layout, label))
        else:
            lines.append(report["sections"].get(part.key) or "本部分无内容。")
        lines.append("")
    lines += ["测试市测试局", "2024年1月20日"]
    return "\n".join(lines)
