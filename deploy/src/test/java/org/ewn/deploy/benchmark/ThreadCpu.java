package org.ewn.deploy.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * CPU used over a window by this JVM's threads, summed by what they are: with server and clients in one JVM, this
 * tells the clients' share from the server's, and which of the server's threads is busiest. Threads that end inside
 * the window are not counted.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Function<String, String> kind;
    private final Map<Long, Long> start;

    /** {@code kind} names what a thread of that name is, or null for threads not worth a figure of their own. */
    ThreadCpu(Function<String, String> kind) {
        this.kind = kind;
        this.start = cpuByThread();
    }

    /** CPU seconds used by each kind of thread since construction. */
    Map<String, Double> seconds() {
        Map<String, Double> seconds = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long now = THREADS.getThreadCpuTime(info.getThreadId());
            String name = kind.apply(info.getThreadName());
            if (now >= 0 && name != null) {
                seconds.merge(name, (now - start.getOrDefault(info.getThreadId(), 0L)) / 1e9, Double::sum);
            }
        }
        return seconds;
    }

    private static Map<Long, Long> cpuByThread() {
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            cpu.put(id, THREADS.getThreadCpuTime(id));
        }
        return cpu;
    }
}
