package io.jenkins.plugins.locust.kubernetes.testcluster;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** API errors the front answers instead of the server: "the next 2 creates of jobs fail with 500". */
final class ApiFaults {
    private record Rule(Predicate<ApiCall> matches, int status, AtomicInteger remaining) {}

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    /** The next {@code times} calls matching {@code verb} on {@code rbacResource} (e.g. "pods/log") fail. */
    void fail(String verb, String rbacResource, int status, int times) {
        fail(call -> verb.equals(call.verb()) && rbacResource.equals(call.rbacResource()), status, times);
    }

    void fail(Predicate<ApiCall> matches, int status, int times) {
        rules.add(new Rule(matches, status, new AtomicInteger(times)));
    }

    /** The status to answer with, or 0 to pass the call through. */
    int statusFor(ApiCall call) {
        for (Rule rule : rules) {
            if (rule.matches().test(call) && rule.remaining().getAndDecrement() > 0) {
                return rule.status();
            }
        }
        return 0;
    }

    void clear() {
        rules.clear();
    }
}
