from gkreport.formats import FORMAT_2021
from gkreport.formats.narrative import join_subsections, split_subsections

S1 = FORMAT_2021.part("s1")


def test_split_and_join_give_back_the_text():
    text = "2023年，本机关……\n（一）主动公开\n公开信息100条。\n(二)依申请公开\n收到申请5件。\n（四）平台建设\n网站改版。"
    pieces = split_subsections(S1, text)
    assert list(pieces) == ["intro", "1", "2", "4"]
    assert pieces["2"].startswith("(二)依申请公开")
    assert join_subsections(pieces) == text


def test_markers_inside_a_sentence_do_not_split():
    text = "全年开展培训（一）次。\n（一）主动公开\n内容"
    assert list(split_subsections(S1, text)) == ["intro", "1"]
