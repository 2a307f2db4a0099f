package com.creatorcommerce.platform.messaging.outbox;

/**
 * Every outbox row belongs to a fixed slot, {@code hash(key) mod 1024}, stored in {@code outbox_event.partition_no}.
 * The slot count is a constant of the format, not a setting: rows of one key are always in one slot whatever the
 * configuration, so no configuration change can strand rows or split a key. Relay instances lease slots (one
 * publisher per slot at a time), which keeps per-key order.
 */
public final class OutboxSlots {

    /** Number of slots; changing it would split keys of pending rows, so it is part of the table's format. */
    public static final int COUNT = 1024;

    private OutboxSlots() {}

    /**
     * The slot of {@code key}. The key's hash is mixed first (MurmurHash3's finalizer): keys that differ in their
     * last characters, such as consecutive ids, have nearby {@code String.hashCode()}s, and would otherwise crowd
     * into a few neighbouring slots, that is onto one relay instance.
     */
    public static int of(String key) {
        int h = key.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, COUNT);
    }
}
