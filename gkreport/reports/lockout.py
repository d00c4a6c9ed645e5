"""Login throttling with django-axes: how failures are counted, and what a locked-out person sees.

Failures are counted twice, each within the cool-off time (AXES_COOLOFF_TIME) since the last one:

- per user name *and* address, up to AXES_FAILURE_LIMIT: someone mistyping, or an attacker at one
  address, is stopped there. An address alone never locks anything, so a whole office behind one
  address is not locked out by one person's (or one attacker's) failures.
- per user name from every address, up to LOGIN_ACCOUNT_FAILURE_LIMIT (higher): guessing one
  person's password from many addresses is bounded too. The price is that whoever knows a user
  name can lock that account for the cool-off time; an administrator can lift it
  (`manage.py axes_reset_username NAME`, or delete the attempt in the admin).

While locked, even the right password is refused; a successful login clears the user's failures.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.db.models import Sum
from django.shortcuts import render

LOCKED_MESSAGE = "登录失败次数过多，账户已暂时锁定，请{minutes}分钟后再试或联系管理员解锁。"


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LoginLockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with the two counts above instead of one."""

    def get_failures(self, request, credentials=None) -> int:
        username = get_client_username(request, credentials)
        recent = AccessAttempt.objects.filter(
            username=username, attempt_time__gte=get_cool_off_threshold(request)
        )
        per_address = _failures(recent.filter(ip_address=request.axes_ip_address))
        if _failures(recent) >= settings.LOGIN_ACCOUNT_FAILURE_LIMIT:
            return max(per_address, get_failure_limit(request, credentials))
        return per_address


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind a reverse proxy the header it sets
    (CLIENT_IP_HEADER, e.g. X-Real-IP; its last entry is the one the proxy added)."""
    if settings.CLIENT_IP_HEADER:
        meta = "HTTP_" + settings.CLIENT_IP_HEADER.upper().replace("-", "_")
        forwarded = request.META.get(meta, "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR")


def locked_message(request=None) -> str:
    minutes = max(1, round(get_cool_off(request).total_seconds() / 60))
    return LOCKED_MESSAGE.format(minutes=minutes)


def lockout_response(request, original_response=None, credentials=None):
    """The login page again, with the lockout message (429 Too Many Requests)."""
    context = {
        "form": AuthenticationForm(request),
        "locked": locked_message(request),
        "next": request.POST.get("next", ""),
    }
    return render(request, "registration/login.html", context, status=429)
