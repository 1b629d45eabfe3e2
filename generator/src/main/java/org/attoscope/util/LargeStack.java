package org.attoscope.util;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work run on a daemon thread of its own with a stack of a chosen size, for the libraries that recurse deeply on
 * some inputs (flexmark's parser, the Nu checker's schema parser): how deep they can go then no longer depends on
 * which thread asked, nor on whether the JIT has compiled them yet.
 */
public final class LargeStack {
    private LargeStack() {
    }

    /** Starts {@code work} now; the returned task holds its result or what it threw. */
    public static <T> FutureTask<T> start(String threadName, long stackBytes, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(null, task, threadName, stackBytes);
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    /**
     * Runs {@code work} there and waits for it: its result, or what it threw rethrown as it was thrown (an unchecked
     * exception or an error, a {@code StackOverflowError} included); a checked exception comes wrapped.
     */
    public static <T> T call(String threadName, long stackBytes, Callable<T> work) {
        FutureTask<T> task = start(threadName, stackBytes, work);
        try {
            return task.get();
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + threadName, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(threadName + " failed", cause);
        }
    }
}
