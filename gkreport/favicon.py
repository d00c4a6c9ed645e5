"""/favicon.ico: browsers ask for it wherever a page names no icon (the admin, the print
preview, a PDF viewer's tab), and a 404 there fills logs and consoles for nothing. It is
the app's own icon, the vendored static SVG under its served (hashed, in production) name."""

from django.http import HttpResponseRedirect
from django.templatetags.static import static

# The static name changes with its content: a day's cache, never a permanent redirect.
MAX_AGE = 24 * 60 * 60


def favicon(request):
    response = HttpResponseRedirect(static("gkreport/favicon.svg"))
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return response
