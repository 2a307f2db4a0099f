package com.creatorcommerce.order.domain.stock;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lines of one reservation, normalised: one line per option (duplicates summed), sorted by option id. The sort
 * order is also the order in which stock rows are locked, so that two orders sharing options never deadlock.
 */
public final class ReservationLines {

    /** Most distinct options in one reservation. */
    public static final int MAX_LINES = 100;

    private final List<ReservationLine> lines;

    private ReservationLines(List<ReservationLine> lines) {
        this.lines = List.copyOf(lines);
    }

    public static ReservationLines of(Collection<ReservationLine> requested) {
        if (requested == null || requested.isEmpty()) {
            throw new IllegalArgumentException("a reservation needs at least one line");
        }
        Map<Long, Integer> byOption = new TreeMap<>();
        for (ReservationLine line : requested) {
            if (line == null) {
                throw new IllegalArgumentException("a reservation line is missing");
            }
            int total = byOption.merge(line.productOptionId(), line.quantity(), Integer::sum);
            if (total > ReservationLine.MAX_QUANTITY) {
                throw new IllegalArgumentException(
                        "more than " + ReservationLine.MAX_QUANTITY + " units of option " + line.productOptionId());
            }
        }
        if (byOption.size() > MAX_LINES) {
            throw new IllegalArgumentException("a reservation has at most " + MAX_LINES + " options");
        }
        List<ReservationLine> merged = new ArrayList<>(byOption.size());
        byOption.forEach((option, quantity) -> merged.add(new ReservationLine(option, quantity)));
        return new ReservationLines(merged);
    }

    /** One line per option, by ascending option id. */
    public List<ReservationLine> lines() {
        return lines;
    }

    public List<Long> optionIds() {
        return lines.stream().map(ReservationLine::productOptionId).toList();
    }

    public int totalQuantity() {
        return lines.stream().mapToInt(ReservationLine::quantity).sum();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReservationLines that && lines.equals(that.lines);
    }

    @Override
    public int hashCode() {
        return lines.hashCode();
    }

    @Override
    public String toString() {
        return lines.toString();
    }
}
