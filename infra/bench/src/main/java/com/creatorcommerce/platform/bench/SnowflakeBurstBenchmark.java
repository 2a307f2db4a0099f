package com.creatorcommerce.platform.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** 1,000,000 ids in one go after ~200 ms idle; the score is time per id. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class SnowflakeBurstBenchmark {

    static final int BURST = 1_000_000;

    @Param({"PLATFORM", "HUTOOL", "TSID"})
    IdImpl impl;

    private LongSupplier ids;

    @Setup(Level.Trial)
    public void create() {
        ids = impl.create();
    }

    @Setup(Level.Iteration)
    public void idle() throws InterruptedException {
        Thread.sleep(200);
    }

    @Benchmark
    @OperationsPerInvocation(BURST)
    public long burstAfterIdle() {
        long acc = 0;
        for (int i = 0; i < BURST; i++) {
            acc ^= ids.getAsLong();
        }
        return acc;
    }
}
