package org.attoscope.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void aStatLineGivesTheThreadsNameAndItsUserPlusSystemSeconds() {
        // fields after the name: state, ppid, pgrp, session, tty, tpgid, flags, minflt, cminflt, majflt, cmajflt, utime, stime
        String stat = "4242 (C2 CompilerThre) S 1 4200 4200 0 -1 4194368 100 0 0 0 2909 161 0 0 20 0 1 0 5 0 0";
        assertEquals(Optional.of(new ThreadCpu.Reading("C2 CompilerThre", 30.70)), ThreadCpu.parse(stat));
    }

    @Test
    void aNameWithSpacesAndParenthesesIsReadToTheLastParenthesis() {
        String stat = "7 (odd (name) here) R 1 7 7 0 -1 0 0 0 0 0 12 3 0 0";
        assertEquals(Optional.of(new ThreadCpu.Reading("odd (name) here", 0.15)), ThreadCpu.parse(stat));
    }

    @Test
    void aTruncatedOrGarbledLineIsNoReading() {
        assertEquals(Optional.empty(), ThreadCpu.parse("12 (short) S 1 2 3"));
        assertEquals(Optional.empty(), ThreadCpu.parse("no name here"));
        assertEquals(Optional.empty(), ThreadCpu.parse("9 (x) S 1 2 3 4 5 6 7 8 9 10 ab cd"));
    }

    @Test
    void threadsAreSummedByHotSpotsNamesForTheirRoles() {
        ThreadCpu.Split s = ThreadCpu.split(100, List.of(
                new ThreadCpu.Reading("C2 CompilerThre", 20),
                new ThreadCpu.Reading("C2 CompilerThre", 5),
                new ThreadCpu.Reading("C1 CompilerThre", 4),
                new ThreadCpu.Reading("G1 Conc#0", 6),
                new ThreadCpu.Reading("GC Thread#1", 3),
                new ThreadCpu.Reading("attoscope-build-1", 40)));
        assertEquals(25, s.c2(), 1e-9);
        assertEquals(4, s.c1(), 1e-9);
        assertEquals(29, s.compiling(), 1e-9);
        assertEquals(9, s.collector(), 1e-9);
        assertEquals(62, s.rest(), 1e-9);
    }

    @Test
    void onLinuxARunsSplitAddsUpAndItsTotalCoversTheWorkDone() {
        assumeTrue(ThreadCpu.available(), "no /proc here: the bench prints no CPU line");
        Optional<ThreadCpu.Split> split;
        try (ThreadCpu cpu = new ThreadCpu()) {
            double x = 0;
            long end = System.nanoTime() + 200_000_000L;
            while (System.nanoTime() < end) {
                x += Math.sqrt(x + 1);
            }
            assertTrue(x > 0);
            split = cpu.finish();
        }
        assertTrue(split.isPresent());
        ThreadCpu.Split s = split.get();
        assertTrue(s.total() >= 0.1, "total " + s.total());
        assertTrue(s.compiling() >= 0 && s.collector() >= 0 && s.rest() >= 0, s.toString());
    }
}
