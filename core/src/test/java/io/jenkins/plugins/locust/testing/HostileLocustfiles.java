package io.jenkins.plugins.locust.testing;

/** Locustfiles that break a run the way users' locustfiles do (issue 7), for the guard rails' ITs. */
public final class HostileLocustfiles {
    /** Every user calls {@code sys.exit(3)} in its task after 2 s of requests to /fast. */
    public static final String SYS_EXIT = "hostile_sys_exit.py";
    /** A user calls {@code os._exit(3)} in its task after 4 s of requests to /fast. */
    public static final String OS_EXIT = "hostile_os_exit.py";
    /** {@code on_start} loops for ever without yielding: the worker stops answering its master. */
    public static final String SPIN_ON_START = "hostile_spin_on_start.py";
    /** Every task makes a request to /fast, then raises ValueError. */
    public static final String RAISING_TASK = "hostile_raising_task.py";
    /** A user class without any task. */
    public static final String NO_TASKS = "hostile_no_tasks.py";
    /** One task calling /fast, tagged {@code checkout}. */
    public static final String TAGGED = "tagged_users.py";
    /** Users that burn CPU between requests to /fast (one worker at about 100 %). */
    public static final String CPU_BURNING = "cpu_burning_users.py";

    private HostileLocustfiles() {}
}
