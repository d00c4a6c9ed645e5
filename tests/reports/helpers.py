from gkreport.reports.editing import fingerprint
from gkreport.reports.pages import page


def seen(report, key):
    report.refresh_from_db()
    return fingerprint(report, page(report.fmt, key))


def table_post(report, key="t3", **cells):
    data = {"fingerprint": seen(report, key)}
    data.update({code.replace("__", "."): value for code, value in cells.items()})
    return data
