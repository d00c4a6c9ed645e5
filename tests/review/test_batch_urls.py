"""A batch of URLs: the background run fetches each one within the limits (a local server
stands in for the government sites) and lists a refused URL with the reason."""

from django.urls import reverse

from gkreport.review.batch_storage import read_batch_file
from gkreport.review.models import Batch, BatchItem
from tests.http_server import declared_huge, dribble, file, redirect, silent
from tests.review.batch_data import CHIPING, SCIENCE, seed


def run_urls(client, office, urls):
    client.post(reverse("batches", args=[office.code]), {"urls": "\n".join(urls)})
    return list(Batch.objects.get().items.order_by("position"))


def test_urls_are_fetched_read_and_checked(olivia, offices, web):
    web.routes["/nj/2023.txt"] = file(seed(CHIPING))
    web.routes["/show"] = file(seed(SCIENCE), "text/plain; charset=utf-8")
    items = run_urls(olivia, offices.office, [web.url("/nj/2023.txt"), web.url("/show?id=7")])
    assert [i.status for i in items] == [BatchItem.Status.CHECKED] * 2
    assert [i.name for i in items] == ["2023.txt", "show.txt"]
    assert items[0].result["agency"] == "聊城市茌平区人民政府"
    assert read_batch_file(items[1].file.name) == seed(
        SCIENCE
    )  # kept: a new run reads the same file


def test_a_fetched_file_is_not_fetched_again_on_a_new_run(olivia, offices, web):
    web.routes["/a.txt"] = file(seed(CHIPING))
    run_urls(olivia, offices.office, [web.url("/a.txt")])
    batch = Batch.objects.get()
    olivia.post(reverse("batch_rerun", args=[offices.office.code, batch.code]))
    assert web.requests == ["/a.txt"]
    assert batch.items.get().status == BatchItem.Status.CHECKED


def test_a_url_that_failed_is_fetched_again_on_a_new_run(olivia, offices, web):
    (item,) = run_urls(olivia, offices.office, [web.url("/later.txt")])
    assert "HTTP 404" in item.error
    web.routes["/later.txt"] = file(seed(CHIPING))
    batch = Batch.objects.get()
    olivia.post(reverse("batch_rerun", args=[offices.office.code, batch.code]))
    assert batch.items.get().status == BatchItem.Status.CHECKED


def test_refused_urls_are_listed_with_the_reason(olivia, offices, web):
    web.routes["/ok.txt"] = file(seed(CHIPING))
    web.routes["/to-private"] = redirect(web.url("/ok.txt", host="127.0.0.2"))
    web.routes["/huge"] = declared_huge
    web.routes["/silent"] = silent
    web.routes["/dribble"] = dribble
    urls = [
        web.url("/ok.txt", host="127.0.0.2"),  # an allowed host on an internal address
        web.url("/to-private"),
        web.url("/huge"),
        web.url("/silent"),
        web.url("/dribble"),
        web.url("/ok.txt"),
    ]
    items = run_urls(olivia, offices.office, urls)
    errors = [i.error for i in items]
    assert errors[0].startswith("不能读取内部网络地址（127.0.0.2")
    assert errors[1].startswith("不能读取内部网络地址（127.0.0.2")
    assert errors[2].startswith("文件过大")
    assert errors[3] == "读取超时（超过2秒）"
    assert errors[4] == "读取超时（超过2秒）"
    assert items[5].status == BatchItem.Status.CHECKED
    assert web.requests.count("/ok.txt") == 1  # never through 127.0.0.2
    page = olivia.get(reverse("batch", args=[offices.office.code, Batch.objects.get().code]))
    assert "不能读取内部网络地址" in page.content.decode()
