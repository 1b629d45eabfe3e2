package org.attoscope.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {
    @Test
    void resultsComeBackInTheOrderOfTheTasks() {
        try (WorkerPool pool = new WorkerPool("test", 2)) {
            List<Callable<Integer>> tasks = List.of(() -> { Thread.sleep(50); return 1; }, () -> 2, () -> 3);
            assertEquals(List.of(1, 2, 3), pool.all(tasks));
        }
    }

    @Test
    void theFirstFailureInListOrderIsThrownAsTheTaskThrewIt() {
        try (WorkerPool pool = new WorkerPool("test", 2)) {
            List<Callable<Integer>> tasks = List.of(() -> { Thread.sleep(50); throw new IllegalArgumentException("first"); },
                    () -> { throw new IllegalStateException("second"); });
            assertEquals("first", assertThrows(IllegalArgumentException.class, () -> pool.all(tasks)).getMessage());
        }
    }

    /** A failed build closes its pools and returns; a task still running must not write after that. */
    @Test
    void closeReturnsOnlyOnceARunningTaskHasStoppedEvenOneThatIgnoresInterrupts() throws InterruptedException {
        AtomicBoolean finished = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        WorkerPool pool = new WorkerPool("test", 1);
        pool.submit(() -> {
            started.countDown();
            long until = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < until) {
                Thread.onSpinWait(); // busy, as a page check is: an interrupt does not stop it
            }
            finished.set(true);
            return null;
        });
        started.await();
        pool.close();
        assertTrue(finished.get(), "close waited for the running task");
    }
}
