"""/healthz tells a load balancer whether this process can serve: database, cache, storage
and the background queue, each checked, 200 or 503, no login."""

import socket

import pytest


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens once the probe is closed


def test_all_checks_pass_without_login(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "storage", "queue"}
    assert all(check["ok"] for check in body["checks"].values())
    assert "no-cache" in response["Cache-Control"]


def test_a_cache_that_does_not_answer_makes_it_fail(client, db, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_timeout": 1, "socket_connect_timeout": 1},
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["cache"]["ok"] is False
    assert checks["database"]["ok"] and checks["storage"]["ok"] and checks["queue"]["ok"]
    assert any("health check cache failed" in r.getMessage() for r in caplog.records)


def test_a_shared_redis_cache_passes(client, db, settings, redis_url):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    }
    assert client.get("/healthz").status_code == 200


def test_an_object_store_that_does_not_answer_makes_it_fail(client, db, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "gkreport",
                "endpoint_url": f"http://127.0.0.1:{closed_port()}",
                "access_key": "k",
                "secret_key": "s",
                "region_name": "us-east-1",
            },
        },
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"]["ok"] is False


@pytest.mark.django_db
def test_the_database_queue_reports_what_waits(client, settings):
    from gkreport.review.tasks import run_batch

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    run_batch.enqueue(0, 1)
    queue = client.get("/healthz").json()["checks"]["queue"]
    assert queue["ok"] and queue["waiting"] == 1
    assert queue["oldest_waiting_seconds"] >= 0


def test_it_is_reachable_over_plain_http_when_https_redirects(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/public/").status_code == 301
