package org.ewn.deploy.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one batch per thread from a common start and times them two ways: the wall clock until the last thread is
 * done, which is the throughput, and the CPU time the threads themselves spent, which other processes taking the
 * cores meanwhile do not inflate. The threads are kept between runs, so that they are warm alike.
 */
final class CommonStart implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Works through one thread's batch; returns how many items came out right. */
    interface Batch<T> {
        int run(T[] items) throws Exception;
    }

    /** Wall-clock and summed thread CPU nanoseconds of one run, and how many items it checked. */
    record Timing(long wallNanos, long cpuNanos, int items) {

        Timing plus(Timing other) {
            return new Timing(wallNanos + other.wallNanos, cpuNanos + other.cpuNanos, items + other.items);
        }

        double perWallSecond() {
            return items * 1e9 / wallNanos;
        }

        double perCpuSecond() {
            return items * 1e9 / cpuNanos;
        }
    }

    static final Timing NOTHING = new Timing(0, 0, 0);

    private final ExecutorService pool;

    CommonStart(int maxThreads) {
        this.pool = Executors.newFixedThreadPool(maxThreads);
    }

    /** One thread per batch; fails unless every item of every batch came out right. */
    <T> Timing time(T[][] batches, Batch<T> batch) throws Exception {
        CountDownLatch ready = new CountDownLatch(batches.length);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> results = new ArrayList<>();
        int expected = 0;
        for (T[] items : batches) {
            expected += items.length;
            results.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                int right = batch.run(items);
                return new long[]{right, THREADS.getCurrentThreadCpuTime() - cpuStart};
            }));
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        int right = 0;
        long cpu = 0;
        for (Future<long[]> result : results) {
            right += (int) result.get()[0];
            cpu += result.get()[1];
        }
        long wall = System.nanoTime() - start;
        if (right != expected) {
            throw new IllegalStateException("only " + right + " of " + expected + " items came out right");
        }
        return new Timing(wall, cpu, right);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
