from gkreport.reports.models import Membership


def test_it_requires_login(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_it_goes_straight_to_the_only_agency(client, people):
    client.force_login(people.alice)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == f"/a/{people.agency.code}/"


def test_it_lets_a_person_of_several_agencies_choose(client, people):
    Membership.objects.create(user=people.alice, agency=people.other_agency)
    client.force_login(people.alice)
    page = client.get("/").content.decode()
    assert "测试市行政审批服务局" in page and "测试市科学技术局" in page


def test_the_login_page_is_in_chinese(client, db):
    page = client.get("/accounts/login/").content.decode()
    assert "用户名" in page and "密码" in page and 'lang="zh-CN"' in page
