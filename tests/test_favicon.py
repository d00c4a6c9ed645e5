"""/favicon.ico is never a 404: browsers ask for it on pages that name no icon (the admin,
the print preview), and it leads to the app's own icon, the vendored static SVG."""

from pathlib import Path

ICON = Path(__file__).resolve().parent.parent / "static" / "gkreport" / "favicon.svg"


def test_favicon_ico_redirects_to_the_static_icon_without_login(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert response["Location"] == "/static/gkreport/favicon.svg"
    assert "max-age=86400" in response["Cache-Control"]  # not permanent: the name may change
    assert ICON.read_text().startswith("<svg")


def test_pages_name_the_same_icon(client, people):
    client.force_login(people.alice)
    page = client.get(f"/a/{people.agency.code}/").content.decode()
    assert '<link rel="icon" href="/static/gkreport/favicon.svg" type="image/svg+xml">' in page
