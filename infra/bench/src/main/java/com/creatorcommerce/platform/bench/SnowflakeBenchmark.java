package com.creatorcommerce.platform.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** Sustained ids/s of one generator instance (one worker id), called from 1 and from 2 threads. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SnowflakeBenchmark {

    @Param({"PLATFORM", "HUTOOL", "TSID"})
    IdImpl impl;

    private LongSupplier ids;

    @Setup
    public void create() {
        ids = impl.create();
    }

    @Benchmark
    @Threads(1)
    public long sustained1Thread() {
        return ids.getAsLong();
    }

    @Benchmark
    @Threads(2)
    public long sustained2Threads() {
        return ids.getAsLong();
    }
}
