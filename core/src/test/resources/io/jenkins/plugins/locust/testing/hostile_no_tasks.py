"""Hostile: a user class without any task (e.g. the tasks were meant to come from a mixin that is missing)."""

from locust import HttpUser, constant


class IdleUser(HttpUser):
    wait_time = constant(0.05)
