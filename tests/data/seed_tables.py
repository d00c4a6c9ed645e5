"""The three tables of each seed report as printed, typed from fixtures/seeds by hand.

Table-3 rows are “natural commercial research public_welfare legal_service other_org
total”; a t3 row not listed is printed as seven zeros. Table 4 is the printed row of 15
cells (“_” for a blank cell). This is the oracle the importer is tested against.
"""

from decimal import Decimal

from gkreport.formats import FORMAT_2021

ZERO = "0 0 0 0 0 0 0"

SEEDS = {
    "000_32c3f535e9b88d87.txt": {
        "year": 2022,
        "agency": "聊城高新技术产业开发区管理委员会",
        "t2": "0 0 0 | 0 0 0 | 6993 | 1329 | 34 | 8270.092",
        "t3": {
            "new_received": "6 1 0 0 0 0 7",
            "granted": "4 0 0 0 0 0 4",
            "partially_granted": "2 1 0 0 0 0 3",
            "total_processed": "6 1 0 0 0 0 7",
        },
        "t4": "_ _ _ _ _ 4 0 0 0 4 0 0 0 0 0",
    },
    "001_c779024abbc6666e.txt": {
        "year": 2021,
        "agency": "淄博高新技术产业开发区",
        "t2": "0 0 0 | 11 4 54 | 9830 | 966 | 166 | 5953.02496",
        "t3": {
            "new_received": "49 0 0 0 0 0 49",
            "granted": "27 0 0 0 0 0 27",
            "unavailable_not_held": "16 0 0 0 0 0 16",
            "other_processing": "1 0 0 0 0 0 1",  # the single 2019-format row
            "total_processed": "44 0 0 0 0 0 44",
            "carried_forward": "5 0 0 0 0 0 5",
        },
        "t4": "7 0 1 0 8 0 0 0 0 0 3 0 0 0 3",
    },
    "002_e42161fe7aa08ef3.txt": {
        "year": 2022,
        "agency": "聊城市行政审批服务局",
        "t2": "0 0 0 | 0 0 0 | 32866 | 0 | 0 | 12872.06",
        "t3": {
            "new_received": "13 0 0 0 0 0 13",
            "granted": "12 0 0 0 0 0 12",
            "unavailable_not_held": "1 0 0 0 0 0 1",
            "total_processed": "13 0 0 0 0 0 13",
        },
        "t4": "1 0 0 0 1 0 0 0 0 0 0 0 0 0 0",
    },
    "003_b59b93e2e8dda449.txt": {
        "year": 2023,
        "agency": "聊城市茌平区人民政府",
        "t2": "0 0 0 | 9 1 14 | 34319 | 2822 | 266 | 62544.3758",
        "t3": {
            "new_received": "123 1 0 0 1 0 125",
            "granted": "91 1 0 0 0 0 92",
            "partially_granted": "12 0 0 0 0 0 12",
            "denied_administrative_query": "2 0 0 0 0 0 2",
            "unavailable_not_held": "12 0 0 0 0 0 12",
            "unavailable_needs_creation": "5 0 0 0 0 0 5",
            "unavailable_unclear": "1 0 0 0 0 0 1",
            "other_no_correction": "0 0 0 0 1 0 1",
            "total_processed": "123 1 0 0 1 0 125",
        },
        "t4": "4 1 1 1 6 0 1 3 1 5 2 0 1 0 3",
    },
    "004_0b3756e79a1f4c29.txt": {
        "year": 2022,
        "agency": "聊城市科学技术局",
        "t2": "0 0 0 | 4 0 12 | 0 | 0 | 0 | 12872.06",
        "t3": {
            "new_received": "1 0 0 0 0 0 1",
            "granted": "1 0 0 0 0 0 1",
            "total_processed": "1 0 0 0 0 0 1",
        },
        "t4": "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0",
    },
}


T2_CODES = [cell.code for cell in FORMAT_2021.table("t2").cells]
T3 = FORMAT_2021.table("t3").blocks[0]
T3_COLUMNS = [leaf.key for leaf in T3.leaves]
T4_CODES = [cell.code for cell in FORMAT_2021.table("t4").cells]
REPLACED = ("other_no_correction", "other_no_fee", "other_other")


def printed(text):
    if text == "_":
        return None
    return Decimal(text) if "." in text else int(text)


def expected_figures(seed):
    expected = {}
    for code, text in zip(T2_CODES, seed["t2"].replace("|", " ").split(), strict=True):
        expected[code] = printed(text)
    rows = [row.key for row in T3.rows]
    if "other_processing" in seed["t3"]:
        rows = [r for r in rows if r not in REPLACED]
        rows.insert(rows.index("total_processed"), "other_processing")
    for row in rows:
        values = seed["t3"].get(row, ZERO).split()
        for column, text in zip(T3_COLUMNS, values, strict=True):
            expected[f"t3.{row}.{column}"] = printed(text)
    for code, text in zip(T4_CODES, seed["t4"].split(), strict=True):
        expected[code] = printed(text)
    return expected
