"""Logging in: throttled per user name and address and per user name, with a Chinese message,
a cool-off time and an administrator's unlock; weak passwords are refused wherever chosen."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command

LOCKED = "登录失败次数过多，账户已暂时锁定，请15分钟后再试或联系管理员解锁"


def log_in(client, username, password, address="10.0.0.1"):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def logged_in(response):
    return response.status_code == 302 and response.wsgi_request.user.is_authenticated


def fail(client, username, times, address="10.0.0.1"):
    for _ in range(times):
        response = log_in(client, username, "wrong-password", address)
    return response


def test_the_right_password_is_refused_after_five_wrong_ones(client, people):
    page = fail(client, "alice", settings.AXES_FAILURE_LIMIT - 1).content.decode()
    assert "用户名或密码不正确" in page and LOCKED not in page
    fail(client, "alice", 1)
    response = log_in(client, "alice", "pw-alice")
    assert response.status_code == 429 and not logged_in(response)
    page = response.content.decode()
    assert LOCKED in page
    assert 'name="username"' in page  # still the login page


def test_the_admin_login_is_throttled_too(client, people):
    people.alice.is_staff = True
    people.alice.save()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "alice", "password": "wrong-password"})
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "alice", "password": "pw-alice"}
    )
    assert response.status_code == 429 and LOCKED in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated


def test_a_colleague_at_the_same_address_is_not_locked_out(client, people):
    fail(client, "alice", settings.AXES_FAILURE_LIMIT)
    assert logged_in(log_in(client, "bob", "pw-bob"))


def test_guessing_from_many_addresses_locks_the_account(client, people):
    fail(client, "alice", settings.AXES_FAILURE_LIMIT)
    assert logged_in(log_in(client, "alice", "pw-alice", "10.0.9.9"))  # only that address
    client.logout()
    for n in range(settings.LOGIN_ACCOUNT_FAILURE_LIMIT):
        fail(client, "alice", 1, f"10.1.{n}.1")
    response = log_in(client, "alice", "pw-alice", "10.0.9.9")
    assert response.status_code == 429 and LOCKED in response.content.decode()


def test_an_administrator_unlocks_an_account(client, people):
    fail(client, "alice", settings.AXES_FAILURE_LIMIT)
    assert not logged_in(log_in(client, "alice", "pw-alice"))
    call_command("axes_reset_username", "alice", stdout=open("/dev/null", "w"))
    assert logged_in(log_in(client, "alice", "pw-alice"))


def test_the_admin_lists_the_attempts(client, people):
    fail(client, "alice", settings.AXES_FAILURE_LIMIT)
    admin = people.alice.__class__.objects.create_superuser("root", password="pw-root")
    client.force_login(admin)
    page = client.get("/admin/axes/accessattempt/").content.decode()
    assert "alice" in page and "10.0.0.1" in page


def test_the_lock_ends_after_the_cool_off_time(client, people):
    fail(client, "alice", settings.AXES_FAILURE_LIMIT)
    earlier = datetime.datetime.now(datetime.UTC) - settings.AXES_COOLOFF_TIME
    AccessAttempt.objects.update(attempt_time=earlier - datetime.timedelta(seconds=1))
    assert logged_in(log_in(client, "alice", "pw-alice"))


def test_a_success_clears_earlier_mistakes(client, people):
    fail(client, "alice", settings.AXES_FAILURE_LIMIT - 1)
    assert logged_in(log_in(client, "alice", "pw-alice"))
    client.logout()
    fail(client, "alice", settings.AXES_FAILURE_LIMIT - 1)
    assert logged_in(log_in(client, "alice", "pw-alice"))


@pytest.mark.parametrize("weak", ["password", "12345678", "aaaaaaaa", "alice2023", "short7!"])
def test_weak_passwords_are_refused(people, weak):
    with pytest.raises(ValidationError):
        validate_password(weak, people.alice)


def test_the_demo_password_is_a_valid_one(people):
    validate_password("gkreport-demo", people.alice)


def test_the_admin_password_form_refuses_a_weak_password(client, people):
    admin = people.alice.__class__.objects.create_superuser("root", password="pw-root")
    client.force_login(admin)
    url = f"/admin/auth/user/{people.alice.pk}/password/"
    response = client.post(url, {"password1": "12345678", "password2": "12345678"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "这个密码太常见了" in page and "密码只包含数字" in page
    page = client.post(url, {"password1": "Zq7!x", "password2": "Zq7!x"}).content.decode()
    assert "密码太短，至少需要8个字符。" in page
    people.alice.refresh_from_db()
    assert people.alice.check_password("pw-alice")
