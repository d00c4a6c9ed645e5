"""Running the same action from several threads at once, each with its own connection."""

import threading

from django.db import connection


def at_once(action, times=2) -> list:
    """Results of `action()` run by `times` threads together: its return value, or the
    exception it raised."""
    results = []
    start = threading.Barrier(times)

    def run():
        start.wait()
        try:
            results.append(action())
        except Exception as error:  # noqa: BLE001 - the caller asserts on it
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
