"""Hostile input: the crafted upload corpus (worst time, peak memory) and concurrent PDF
renders on freshly started servers (crashes)."""

from bench import abuse_render, abuse_uploads


def run():
    abuse_uploads.run()
    abuse_render.run()
