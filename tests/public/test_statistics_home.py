"""/public/stats/: straight to the statistics of the top region."""


def test_every_public_page_links_to_the_statistics(client, people, published):
    page = client.get(f"/public/agency/{people.agency.code}/2023/").content.decode()
    assert 'href="/public/stats/"' in page
    response = client.get("/public/stats/")
    assert (
        response.status_code == 302
        and response["Location"] == f"/public/stats/{people.agency.region_id}/"
    )


def test_it_is_404_before_there_is_a_region(client, db):
    assert client.get("/public/stats/").status_code == 404
