from urllib.parse import quote


def url(people):
    return f"/r/{people.report.code}/pdf/"


def test_it_downloads_the_pdf_with_its_chinese_file_name(client, people):
    client.force_login(people.alice)
    response = client.get(url(people))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    name = "测试市行政审批服务局2023年政府信息公开工作年度报告.pdf"
    assert f"filename*=UTF-8''{quote(name)}" in response["Content-Disposition"]
    assert response["Content-Disposition"].startswith('attachment; filename="')


def test_the_report_pages_offer_the_download(client, people):
    client.force_login(people.alice)
    page = client.get(f"/r/{people.report.code}/table/t3/").content.decode()
    assert f'href="/r/{people.report.code}/pdf/">下载PDF' in page


def test_it_checks_ownership(client, people):
    client.force_login(people.charlie)
    assert client.get(url(people)).status_code == 404


def test_a_reader_may_download(client, people):
    client.force_login(people.rita)
    assert client.get(url(people)).status_code == 200
