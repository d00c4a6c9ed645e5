def url(people):
    return f"/a/{people.agency.code}/"


def test_it_lists_reports_with_status_completeness_and_findings(client, people):
    client.force_login(people.alice)
    response = client.get(url(people))
    page = response.content.decode()
    assert response.status_code == 200
    assert "2023年度" in page and "草稿" in page
    assert "7/7" in page  # every page of the report is filled
    assert "开始填报" in page


def test_it_counts_errors(client, people):
    people.report.cells["t4.review.total"] = "6"
    people.report.save()
    client.force_login(people.alice)
    page = client.get(url(people)).content.decode()
    assert '<span class="text-danger fw-bold">1</span>' in page


def test_it_checks_ownership(client, people):
    client.force_login(people.charlie)
    assert client.get(url(people)).status_code == 404


def test_a_reader_sees_no_start_button(client, people):
    client.force_login(people.rita)
    page = client.get(url(people)).content.decode()
    assert "开始填报" not in page


def test_a_new_years_blank_cells_are_progress_not_errors(client, people):
    client.force_login(people.alice)
    client.post(f"/a/{people.agency.code}/start/", {"year": 2024})
    page = client.get(url(people)).content.decode()
    row = page[page.index("2024年度</a>") : page.index("2023年度</a>")]
    # Nothing typed yet is nothing wrong yet: the year shows what is left, with 0 errors.
    assert "表二还有10格未填，表三还有168格未填，表四还有15格未填" in row
    assert "text-danger" not in row and "错误" not in row
