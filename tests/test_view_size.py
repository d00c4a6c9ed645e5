"""Every function view of gkreport fits on one screen: 40 lines at most.

A view says what a page does (who may see it, what it reads, what it saves, what it shows);
the how goes into helpers with names. The test walks the URL resolver, so a view counts
exactly when a URL reaches it, wherever it lives. Decorators (login_required, require_POST)
are unwrapped and not counted: the length runs from the `def` line through the last line.
Views that are not gkreport's own (Django's login, the admin) are skipped.
"""

import inspect

from django.urls import URLPattern, URLResolver, get_resolver

MAX_LINES = 40


def _callbacks(patterns):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _callbacks(entry.url_patterns)
        else:
            assert isinstance(entry, URLPattern)
            yield entry.callback


def _gkreport_function_views():
    views = {}
    for callback in _callbacks(get_resolver().url_patterns):
        # Class-based views (LoginView.as_view()) carry view_class; they are not ours.
        if hasattr(callback, "view_class"):
            continue
        view = inspect.unwrap(callback)
        if not inspect.isfunction(view):
            continue
        if not view.__module__.startswith("gkreport."):
            continue
        views[f"{view.__module__}.{view.__qualname__}"] = view
    return views


def _length(view):
    lines, _ = inspect.getsourcelines(view)
    # getsourcelines starts at the first decorator; count from the def line.
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("def ", "async def ")):
            return len(lines) - index
    raise AssertionError(f"no def line in the source of {view.__qualname__}")


def test_the_walk_finds_gkreport_views():
    views = _gkreport_function_views()
    # The walk reaches views through include() as well as at the top level.
    assert "gkreport.reports.views.edit_table" in views
    assert any(name.startswith("gkreport.review.") for name in views)
    assert any(name.startswith("gkreport.public.") for name in views)


def test_no_function_view_is_over_40_lines():
    too_long = sorted(
        f"{name} ({length} lines)"
        for name, view in _gkreport_function_views().items()
        if (length := _length(view)) > MAX_LINES
    )
    assert not too_long, f"views over {MAX_LINES} lines: " + ", ".join(too_long)
