package io.jenkins.plugins.locust.spec;

import java.time.Duration;

/** One step of a staged load profile: ramp to {@code users} at {@code spawnRate} and hold for {@code duration}. */
public record Stage(Duration duration, int users, double spawnRate) {}
