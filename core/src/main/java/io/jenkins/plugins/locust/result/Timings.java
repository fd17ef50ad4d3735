package io.jenkins.plugins.locust.result;

import java.time.Instant;

/**
 * When each phase of the run began. Any field may be null when the run never reached that phase.
 *
 * @param launched backend started creating master and workers
 * @param gateOpened all expected workers connected
 * @param rampedUp the target user count was reached
 * @param stopped the test stopped (run time over, abort, or failure)
 */
public record Timings(Instant launched, Instant gateOpened, Instant rampedUp, Instant stopped) {}
