package com.creatorcommerce.platform.bench;

import com.creatorcommerce.platform.snowflake.Snowflake;
import com.github.f4b6a3.tsid.TsidFactory;
import java.util.function.LongSupplier;

/**
 * The 64-bit time-ordered id generators compared; all three use 10 bits of worker/node and 12 bits of sequence.
 */
public enum IdImpl {

    /** Ours: lock-free CAS, spins to the next millisecond after 4,096 ids. */
    PLATFORM {
        @Override
        LongSupplier create() {
            return new Snowflake(1)::nextId;
        }
    },
    /** Hutool: {@code synchronized}, busy-waits to the next millisecond after 4,096 ids. */
    HUTOOL {
        @Override
        LongSupplier create() {
            return new cn.hutool.core.lang.Snowflake(1, 1)::nextId;
        }
    },
    /**
     * tsid-creator: {@code ReentrantLock}, counter starts at a random value each millisecond and, when it overflows,
     * moves the id's time ahead of the clock instead of waiting, so it is not bound by the 4,096/ms ceiling.
     */
    TSID {
        @Override
        LongSupplier create() {
            TsidFactory factory =
                    TsidFactory.builder().withNode(1).withNodeBits(10).build();
            return () -> factory.create().toLong();
        }
    };

    /** Ids per second one worker can mint at most: 2^12 per millisecond. */
    public static final double LAYOUT_CEILING_PER_SECOND = 4_096_000d;

    abstract LongSupplier create();
}
