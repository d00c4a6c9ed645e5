"""Text typed before a session expires is not lost: it is shown again after logging in."""

from tests.reports.helpers import seen


def test_a_post_after_the_session_expired_comes_back_after_login(client, people):
    url = f"/r/{people.report.code}/part/s5/"
    data = {"fingerprint": seen(people.report, "s5"), "intro": "会话过期前写了很久的一段文字。"}
    response = client.post(url, data)  # not logged in any more
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"
    response = client.post(
        "/accounts/login/", {"username": "alice", "password": "pw-alice", "next": url}
    )
    assert response["Location"] == url
    page = client.get(url).content.decode()
    assert "登录已过期：下面是您上次提交但尚未保存的内容" in page
    assert "会话过期前写了很久的一段文字。" in page
    people.report.refresh_from_db()
    assert people.report.narrative["s5"]["intro"] != data["intro"]  # nothing saved unseen
    response = client.post(url, data)  # the person confirms with 保存
    people.report.refresh_from_db()
    assert people.report.narrative["s5"]["intro"] == data["intro"]


def test_table_input_survives_too(client, people):
    url = f"/r/{people.report.code}/table/t3/"
    client.post(url, {"fingerprint": seen(people.report, "t3"), "t3.granted.natural": "77"})
    client.post("/accounts/login/", {"username": "alice", "password": "pw-alice"})
    page = client.get(url).content.decode()
    assert 'id="cell-t3-granted-natural" value="77"' in page
