def url(people):
    return f"/r/{people.report.code}/"


def test_it_shows_pages_findings_and_the_submit_button_to_the_signer(client, people):
    client.force_login(people.bob)
    page = client.get(url(people)).content.decode()
    assert "三、收到和处理政府信息公开申请情况" in page and "175/175格" in page
    assert "报送</button>" in page


def test_an_editor_sees_no_submit_button(client, people):
    client.force_login(people.alice)
    assert "报送</button>" not in client.get(url(people)).content.decode()


def test_it_checks_ownership(client, people):
    client.force_login(people.charlie)
    assert client.get(url(people)).status_code == 404


def test_it_requires_login(client, people):
    assert client.get(url(people)).status_code == 302
