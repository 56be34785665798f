package org.ewn.deploy.benchmark;

import com.sun.management.OperatingSystemMXBean;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU used over a window: by this JVM (client, embedded server and all) and by the rest of the machine. On a shared
 * 2-core machine other processes take CPU at random, so each throughput figure is printed with what it cost us and
 * with how busy everything else was, to tell a slow engine from a busy neighbour.
 */
final class CpuMeter {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** USER_HZ, the unit of /proc/stat, is 100 on every Linux architecture that matters here. */
    private static final double TICKS_PER_SECOND = 100;
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final long startNanos = System.nanoTime();
    private final long startProcessCpu = OS.getProcessCpuTime();
    private final long startMachineBusyTicks = machineBusyTicks();

    record Usage(double seconds, double processCpuSeconds, double otherCores) {
    }

    Usage stop() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double process = (OS.getProcessCpuTime() - startProcessCpu) / 1e9;
        long busyTicks = machineBusyTicks() - startMachineBusyTicks;
        double others = busyTicks < 0 ? Double.NaN : Math.max(0, busyTicks / TICKS_PER_SECOND - process) / seconds;
        return new Usage(seconds, process, others);
    }

    /** Non-idle time of all CPUs; -1 where /proc/stat is not there. */
    private static long machineBusyTicks() {
        try {
            if (!Files.isReadable(PROC_STAT)) {
                return -1;
            }
            String[] fields = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
            long busy = 0;
            // cpu user nice system idle iowait irq softirq steal [guest guest_nice, already in user and nice]
            for (int i = 1; i <= 8 && i < fields.length; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
