package org.attoscope.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A fixed pool of daemon worker threads that runs a list of tasks and hands back their results in list order.
 *
 * <p>The first failure in list order is the one thrown, as the task threw it (a task's
 * {@link org.attoscope.InputException} reaches the user unchanged), so the same broken input always gives the
 * same message whichever thread met it first. Daemon threads: a pool left open never keeps the JVM alive.
 *
 * <p>{@link #close} returns only when no task is running any more, so nothing a task writes (a staged page, a
 * verification cache entry) lands after the build that owned the pool has returned, failed or not.
 */
public final class WorkerPool implements AutoCloseable {
    private final ExecutorService pool;

    /** @param name names the threads in a thread dump; {@code threads} below 1 means one */
    public WorkerPool(String name, int threads) {
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs every task and returns their results in order; on a failure the tasks not yet finished are cancelled. */
    public <T> List<T> all(List<? extends Callable<T>> tasks) {
        List<Future<T>> futures = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(task));
        }
        List<T> out = new ArrayList<>(futures.size());
        try {
            for (Future<T> f : futures) {
                out.add(join(f));
            }
        } catch (RuntimeException | Error e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
        return out;
    }

    /** A task's result, with the task's own exception rethrown as it was thrown. */
    private static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a worker", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Starts one task now and returns how to wait for its result: the task's own exception is rethrown as it was
     * thrown, as in {@link #all}.
     */
    public <T> java.util.function.Supplier<T> submit(Callable<T> task) {
        Future<T> f = pool.submit(task);
        return () -> join(f);
    }

    /** Cancels the tasks not yet started, interrupts the running ones, and waits until they have all stopped. */
    @Override
    public void close() {
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true; // still wait: the caller's files must be left alone once close returns
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
