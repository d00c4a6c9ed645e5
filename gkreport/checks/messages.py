"""Every Chinese finding message, built in one place; tests assert against the same builders."""

from decimal import ROUND_HALF_UP, Decimal

from gkreport.lib.values import format_value

PLUS = "＋"
MINUS = "－"
EQUALS = "＝"


def number(value) -> str:
    return format_value(value) if isinstance(value, Decimal | int) else str(value)


def terms(named_values: list[tuple[str, object]], compress_zeros: bool = False) -> str:
    """“结果维持4＋结果纠正1”. With compress_zeros, long sums list only their non-zero terms."""
    shown = named_values
    omitted = False
    if compress_zeros:
        shown = [(n, v) for n, v in named_values if v != 0]
        omitted = len(shown) < len(named_values)
        if not shown:
            return "各项均为0"
    text = PLUS.join(f"{name}{number(value)}" for name, value in shown)
    return f"{text}（其余各项为0）" if omitted else text


def identity_single_total(title, parts, total_name, total, computed, compress_zeros=False):
    return (
        f"{title}：{terms(parts, compress_zeros)}{EQUALS}{number(computed)}，"
        f"但{total_name}填写为{number(total)}"
    )


def identity_two_sided(title, left, left_sum, right, right_sum):
    return (
        f"{title}：{terms(left)}{EQUALS}{number(left_sum)}，"
        f"但{terms(right)}{EQUALS}{number(right_sum)}，两者应相等"
    )


# The few words under a cell of the table page for what the browser also works out as the
# person types: static/gkreport/table.js fills the same templates (sent as data in the page),
# so the note typed in and the note saved read alike.
CELL_NOTES = {
    "total": "按各项合计应为 {total}",
    "sides": "两边合计应相等：{left} ≠ {right}",
    "not_applicable": "应填写数字，没有发生的请填写0",
}


def cell_note(name, **values) -> str:
    return CELL_NOTES[name].format(**{key: number(value) for key, value in values.items()})


def blank_cell(label):
    return f"{label}：未填写（没有发生的请填写0）"


def not_applicable_cell(label, text):
    return f"{label}：填写了“{text.strip()}”，统计表每一格都应填写数字，没有发生的请填写0"


def invalid_cell(label, reader_message):
    return f"{label}：{reader_message}"


def negative_cell(label, value):
    return f"{label}：填写为{number(value)}，不能为负数"


def fee_statement_missing(part):
    """part: the format's Part that must state the fee (六、其他需要报告的事项)."""
    return (
        f"第{part.numeral}部分未说明收取信息处理费的情况：依据《政府信息公开信息处理费管理办法》"
        "（国办函〔2020〕109号），即使未收取也应写明“未收取信息处理费”"
    )


def carry_over_mismatch(cell, last_cell, this_year, last_year):
    """cell: this year's 上年结转 cell; last_cell: last year's 结转下年度 cell (format Cells)."""
    return (
        f"{cell.table_name} {cell.column_label}列：{cell.row_brief}填写为{number(this_year)}，"
        f"但上一年度报告 {last_cell.row_label}为{number(last_year)}"
    )


def in_force_mismatch(cells, previous, issued, repealed, expected, stated):
    """cells: the format Cells (issued, repealed, in force) of one row of table 2."""
    issued_cell, repealed_cell, in_force = cells
    return (
        f"{in_force.table_name} {in_force.row_label} {in_force.column_label}："
        f"上年{number(previous)}{PLUS}{issued_cell.column_short}{number(issued)}"
        f"{MINUS}{repealed_cell.column_short}{number(repealed)}{EQUALS}{number(expected)}，"
        f"但填写为{number(stated)}"
    )


def in_force_below_net(cells, issued, repealed, stated):
    issued_cell, repealed_cell, in_force = cells
    return (
        f"{in_force.table_name} {in_force.row_label} {in_force.column_label}"
        f"填写为{number(stated)}，少于{issued_cell.column_short}{number(issued)}"
        f"{MINUS}{repealed_cell.column_short}{number(repealed)}{EQUALS}{number(issued - repealed)}"
    )


def narrative_mismatch(quote, what, value):
    return f"正文写“{quote}”，但{what}为{number(value)}"


def fee_format(label, text):
    return (
        f"{label}：填写为“{text.strip()}”，应只填数字（单位万元已在表头），不加单位和千分位分隔符"
    )


def fee_magnitude(label, value):
    return (
        f"{label}：{number(value)}万元即{number(value * 10000)}元，金额异常大，"
        "请核对是否误按“元”填写"
    )


def copy_paste(label, value, other_agency):
    return f"{label}：{number(value)}与{other_agency}同年报告的数字完全相同，请核对是否照抄"


def repeated_text(part_heading, ratio):
    return f"{part_heading}：与上一年度报告的文字{ratio:.0%}相同，请结合本年度实际情况撰写"


def percent(share) -> str:
    """A share as people write it: one decimal (“62.5%”)."""
    return f"{share * 100:.1f}%"


def repeated_share(part_heading, repeated, total, run):
    return (
        f"{part_heading}：本年度该部分{total}字中有{repeated}字与上一年度报告相同"
        f"（{repeated}÷{total}{EQUALS}{percent(repeated / total)}），超过一半，"
        f"请结合本年度实际情况撰写（连续{run}字以上相同计为相同，只改动数字的语句也算相同，"
        "不计标点、空格和小标题）"
    )


def signed(value, places=0, unit="") -> str:
    """“9.1%”, “－9.1%”, “3”: a change with its sign, rounded half up to `places` decimals."""
    size = abs(Decimal(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{MINUS if value < 0 else ''}{number(size)}{unit}"


def percent_change(this_year, last_year, percent, places):
    return (
        f"（{number(this_year)}{MINUS}{number(last_year)}）÷{number(last_year)}"
        f"{EQUALS}{signed(percent, places, '%')}"
    )


def difference(this_year, last_year, value):
    return f"{number(this_year)}{MINUS}{number(last_year)}{EQUALS}{signed(value)}"


def change_words(value, places, unit) -> str:
    """The true change in words: “增长9.1%”, “减少3件”, “持平”."""
    if value == 0:
        return "持平"
    size = signed(abs(value), places, unit)
    if unit == "%":
        return f"增长{size}" if value > 0 else f"下降{size}"
    return f"增加{size}" if value > 0 else f"减少{size}"


def sum_of(labels) -> str:
    return "与".join(labels) + "之和"


def stated_change(quote, what, this_year, last_year, arithmetic, actual):
    return (
        f"正文写“{quote}”，但{what}：本年{number(this_year)}、上年{number(last_year)}，"
        f"{arithmetic}，实际{actual}"
    )


def fee_notices(cell, part, value):
    """cell: the format Cell of the applications dropped for unpaid fees (total column),
    named by its label's first clause (“2.申请人逾期未按收费通知要求缴纳费用”); part: the
    format's Part that states the fee."""
    row = cell.row_label.split("、", 1)[0]
    return (
        f"{cell.table_name} {row} {cell.column_label}为{number(value)}，"
        f"但第{part.numeral}部分写明未发出收费通知"
    )


def legacy_template_row(table_name, year, legacy_label, rows):
    listed = "、".join(rows)
    return (
        f"{table_name}{legacy_label}：{year}年度报告应按2021年格式分三行填写（{listed}），"
        "本报告仍用2019年格式的单行"
    )


def consolidated(label, own, total, count):
    return f"{label}：本级政府报告为{number(own)}，{count}个部门报告之和为{number(total)}，请核对"


def published_late(published_on, deadline, days):
    return (
        f"报告于{published_on.year}年{published_on.month}月{published_on.day}日公开，"
        f"晚于截止日期{deadline.year}年{deadline.month}月{deadline.day}日{days}天"
    )


# What a finding is about, for the page summaries that group findings: the rule's code (or a
# code with its variant, which wins) → the group's name. Users see these names, never codes.
KINDS = {
    "H1": "勾稽关系不符",
    "H2": "勾稽关系不符",
    "H3": "勾稽关系不符",
    "H4": "勾稽关系不符",
    "H5.blank": "未填写的单元格",
    "H5": "填写有误的单元格",
    "H6": "未说明收费情况",
    "S1": "结转数与上年报告不衔接",
    "S2": "有效件数与上年报告不衔接",
    "S3": "正文与统计表数字不一致",
    "S4": "金额的写法或大小可疑",
    "S5": "与其他机关的数字完全相同",
    "S6": "文字与上年报告高度重复",
    "S7": "收费情况前后不一致",
    "S8": "公开晚于截止日期",
    "S9": "仍用2019年格式的行",
    "S10": "与所属部门报告之和不一致",
    "S11": "文字过半与上年报告相同",
    "S12": "正文所述增减与上年报告不符",
    # The ledger's rules (依申请公开办理台账)
    "L1": "答复超过法定期限",
    "L2": "办理结果缺少具体情形",
    "L2.unknown": "办理结果不是本年度格式的类别",
    "L3": "日期与办理结果不一致",
}


def kind(code: str) -> str:
    """“H5.invalid” → “填写有误的单元格”; a code with no name of its own gets a plain one."""
    variant = ".".join(code.split(".", 2)[:2])
    return KINDS.get(variant) or KINDS.get(code.split(".", 1)[0], "其他问题")


# The ledger (依申请公开办理台账): each finding names the application by its place in the
# ledger and the day it was received, then says what is wrong with the dates shown.


def date_words(value) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def ledger_entry(number, received_on) -> str:
    return f"第{number}条（{date_words(received_on)}收到）"


def late_reply(where, replied_on, days, limit, extended):
    period = f"法定期限{limit}个工作日" + ("（已延期）" if extended else "")
    return (
        f"{where}：{date_words(replied_on)}答复，至少用了{days}个工作日，超过{period}。"
        "工作日按周一至周五计算，并扣除了当年可能放假的日子；补正等不计入期限的时间请在备注中说明"
    )


def outcome_without_reason(where, outcome, count):
    """outcome: the ledger Outcome (formats/ledger.py) whose reason is missing."""
    return f"{where}：办理结果为“{outcome.label}”，未填写具体情形（须为该类{count}种情形之一）"


def reason_not_of_outcome(where, outcome, reason_text):
    return f"{where}：“{reason_text}”不是“{outcome.label}”的情形之一"


def unknown_outcome(where, text):
    return f"{where}：办理结果“{text}”不是本年度报告格式的类别"


def replied_without_outcome(where, replied_on):
    return f"{where}：{date_words(replied_on)}已答复，但没有填写办理结果"


def outcome_without_reply(where, outcome):
    return f"{where}：办理结果为“{outcome}”，但没有填写答复日期"


def replied_before_year(where, replied_on, year):
    return f"{where}：{date_words(replied_on)}已答复，早于{year}年，不属于本年度台账"


def reply_before_receipt(where, replied_on):
    return f"{where}：答复日期{date_words(replied_on)}早于收到申请的日期"


def carried_but_answered(where, answered_on):
    return (
        f"{where}：这条是从上年台账转来的未办结申请，但上年台账记载已于{date_words(answered_on)}答复，"
        "会在两个年度重复统计；请删除这一条，或更正上年台账"
    )


def received_after_year(where, year):
    return f"{where}：收到日期晚于{year}年12月31日，应记入下一年度的台账"
