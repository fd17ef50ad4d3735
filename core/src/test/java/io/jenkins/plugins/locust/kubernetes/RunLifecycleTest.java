package io.jenkins.plugins.locust.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.locust.kubernetes.RunLifecycle.Stage;
import org.junit.jupiter.api.Test;

class RunLifecycleTest {
    private static RunLifecycle at(Stage... path) {
        RunLifecycle lifecycle = new RunLifecycle();
        for (Stage stage : path) {
            assertThat(lifecycle.advance(stage)).as("move to %s", stage).isTrue();
        }
        return lifecycle;
    }

    @Test
    void shouldGoThroughAnUninterruptedRunInOrder() {
        // when
        RunLifecycle lifecycle = at(Stage.STARTING, Stage.RUNNING, Stage.DRAINING, Stage.ENDED, Stage.CLOSED);

        // then
        assertThat(lifecycle.stage()).isEqualTo(Stage.CLOSED);
    }

    @Test
    void shouldTreatPodFailuresAsAFailedStartOnlyBeforeTheGate() {
        // then
        assertThat(at(Stage.STARTING).starting()).isTrue();
        assertThat(at(Stage.STARTING, Stage.FAILED).starting()).isTrue();
        assertThat(at(Stage.STARTING, Stage.RUNNING).starting()).isFalse();
        assertThat(at(Stage.STARTING, Stage.RUNNING, Stage.STOPPING).starting()).isFalse();
    }

    @Test
    void shouldNotFailARunningTestAsAFailedStart() {
        // given
        RunLifecycle lifecycle = at(Stage.STARTING, Stage.RUNNING);

        // when
        boolean moved = lifecycle.advance(Stage.FAILED);

        // then
        assertThat(moved).isFalse();
        assertThat(lifecycle.stage()).isEqualTo(Stage.RUNNING);
    }

    @Test
    void shouldIgnoreALateGateAfterAFailedStart() {
        // given
        RunLifecycle lifecycle = at(Stage.STARTING, Stage.FAILED);

        // when the master's log still shows every worker connected
        boolean moved = lifecycle.advance(Stage.RUNNING);

        // then
        assertThat(moved).isFalse();
        assertThat(lifecycle.stage()).isEqualTo(Stage.FAILED);
    }

    @Test
    void shouldNeverMoveBackwardsOrLeaveClosed() {
        // given
        RunLifecycle ended = at(Stage.STARTING, Stage.RUNNING, Stage.DRAINING, Stage.ENDED);
        RunLifecycle closed = at(Stage.STARTING, Stage.CLOSED);

        // then
        for (Stage stage : Stage.values()) {
            if (stage != Stage.CLOSED) {
                assertThat(ended.advance(stage)).as("ENDED -> %s", stage).isFalse();
            }
            assertThat(closed.advance(stage)).as("CLOSED -> %s", stage).isFalse();
        }
        assertThat(ended.stage()).isEqualTo(Stage.ENDED);
        assertThat(closed.stage()).isEqualTo(Stage.CLOSED);
    }

    @Test
    void shouldStartAnAttachedRunMidLifecycle() {
        // when the master's log shows every worker had connected before the handle was lost
        RunLifecycle attached = at(Stage.RUNNING);

        // then a worker lost now degrades the run instead of failing its start
        assertThat(attached.starting()).isFalse();
        assertThat(attached.lossIsNews()).isTrue();
        assertThat(attached.live()).isTrue();
    }

    @Test
    void shouldExpectTheMastersDeletionAndTheWorkersQuittingOnceAskedToStop() {
        // given
        RunLifecycle stopping = at(Stage.STARTING, Stage.RUNNING, Stage.STOPPING);

        // then
        assertThat(stopping.masterDeletionIsNews()).isFalse();
        assertThat(stopping.live()).isTrue();
        assertThat(at(Stage.STARTING, Stage.RUNNING).masterDeletionIsNews()).isTrue();
    }

    @Test
    void shouldReportNothingOnceTheMastersEndIsKnownOrTheRunIsClosed() {
        // then
        assertThat(at(Stage.STARTING, Stage.RUNNING, Stage.DRAINING).live()).isTrue();
        assertThat(at(Stage.STARTING, Stage.RUNNING, Stage.DRAINING).lossIsNews())
                .isFalse();
        assertThat(at(Stage.STARTING, Stage.RUNNING, Stage.DRAINING, Stage.ENDED)
                        .live())
                .isFalse();
        assertThat(at(Stage.STARTING, Stage.CLOSED).live()).isFalse();
        assertThat(new RunLifecycle().live())
                .as("nothing watched while creating")
                .isFalse();
    }

    @Test
    void shouldLetTheMasterEndFromAnyLiveStage() {
        // then
        assertThat(at(Stage.STARTING).advance(Stage.DRAINING)).isTrue();
        assertThat(at(Stage.STARTING, Stage.FAILED).advance(Stage.DRAINING)).isTrue();
        assertThat(at(Stage.STARTING, Stage.RUNNING, Stage.STOPPING).advance(Stage.DRAINING))
                .isTrue();
        assertThat(at(Stage.STARTING, Stage.RUNNING, Stage.STOPPING).advance(Stage.ENDED))
                .as("a stopped master's pod deleted before its end was seen")
                .isTrue();
    }
}
