package org.ewn.deploy.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Runs an operation in a loop on several threads, first for a warm-up (JIT, connection pool, H2 caches), then for a
 * measured window; counts only what completed inside the window. Fixed durations keep the whole run's length known.
 */
final class FixedDurationLoad {

    /** One thread's operation; each thread gets its own, so threads share no aggregates. */
    interface Operation {
        void run() throws Exception;
    }

    /** What the caller wants to read at the edges of the measured window, e.g. engine counters. */
    interface Window {
        Window NONE = new Window() {
        };

        default void opened() {
        }

        default void closed() {
        }
    }

    record Result(long operations, CpuMeter.Usage usage) {

        double perSecond() {
            return operations / usage.seconds();
        }

        /** CPU of the whole JVM (client, embedded server, collector) per operation. */
        double cpuMicrosPerOperation() {
            return usage.processCpuSeconds() * 1e6 / operations;
        }
    }

    private FixedDurationLoad() {
    }

    static Result run(int threads, Duration warmUp, Duration measured, IntFunction<Operation> operations,
                      Window window) throws InterruptedException {
        LongAdder completed = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        AtomicBoolean stopped = new AtomicBoolean();
        for (int t = 0; t < threads; t++) {
            Operation operation = operations.apply(t);
            workers.add(new Thread(() -> {
                while (!stopped.get() && failure.get() == null) {
                    try {
                        operation.run();
                        completed.increment();
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }, "bench-worker-" + t));
        }
        workers.forEach(Thread::start);
        Thread.sleep(warmUp.toMillis());
        window.opened();
        long startCount = completed.sum();
        CpuMeter cpu = new CpuMeter();
        Thread.sleep(measured.toMillis());
        long endCount = completed.sum();
        CpuMeter.Usage usage = cpu.stop();
        window.closed();
        stopped.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("an operation failed", failure.get());
        }
        return new Result(endCount - startCount, usage);
    }
}
