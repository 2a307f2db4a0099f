package com.creatorcommerce.platform.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

/** One line of the relay's {@code outbox.stage} timers and hand-off counts: where the time goes, append to ack. */
final class StageReport {

    private StageReport() {}

    static String of(MeterRegistry meters) {
        StringJoiner line = new StringJoiner("; ");
        for (String stage : new String[] {"commit", "queued", "wake", "select", "check", "broker", "mark"}) {
            Timer t = meters.find("outbox.stage").tag("stage", stage).timer();
            if (t == null || t.count() == 0) {
                continue;
            }
            HistogramSnapshot h = t.takeSnapshot();
            StringBuilder part = new StringBuilder(String.format(
                    Locale.ROOT, "%s n=%,d mean %.2f ms", stage, t.count(), t.mean(TimeUnit.MILLISECONDS)));
            for (ValueAtPercentile p : h.percentileValues()) {
                part.append(String.format(
                        Locale.ROOT, " p%.0f %.2f ms", p.percentile() * 100, p.value(TimeUnit.MILLISECONDS)));
            }
            line.add(part);
        }
        for (String result : new String[] {"sent", "left"}) {
            Counter c = meters.find("outbox.hand_off").tag("result", result).counter();
            if (c != null) {
                line.add(String.format(Locale.ROOT, "hand-off %s %,.0f", result, c.count()));
            }
        }
        return line.toString();
    }
}
