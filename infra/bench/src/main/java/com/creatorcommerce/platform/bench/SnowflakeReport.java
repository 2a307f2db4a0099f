package com.creatorcommerce.platform.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the Snowflake benchmarks (JMH command-line options pass through) and prints ids/s with the ratio to the
 * 4,096,000 ids/s layout ceiling as a Markdown table.
 */
public final class SnowflakeReport {

    private SnowflakeReport() {}

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        Options options = cli.getIncludes().isEmpty()
                ? new OptionsBuilder()
                        .parent(cli)
                        .include(SnowflakeBenchmark.class.getPackageName() + ".Snowflake")
                        .build()
                : cli;
        Collection<RunResult> results = new Runner(options).run();

        System.out.println();
        System.out.println("| Benchmark | Generator | Threads | ids/s | ± (99.9%) | × ceiling (4.096M/s) |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (RunResult run : results) {
            Result<?> r = run.getPrimaryResult();
            double idsPerSecond = idsPerSecond(r.getScore(), r.getScoreUnit());
            double error = Double.isNaN(r.getScoreError())
                    ? Double.NaN
                    : Math.abs(idsPerSecond(r.getScore() + r.getScoreError(), r.getScoreUnit()) - idsPerSecond);
            String benchmark = run.getParams().getBenchmark();
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %d | %,.0f | %s | %.3f |%n",
                    benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1),
                    run.getParams().getParam("impl"),
                    run.getParams().getThreads(),
                    idsPerSecond,
                    Double.isNaN(error) ? "n/a" : String.format(Locale.ROOT, "%,.0f", error),
                    idsPerSecond / IdImpl.LAYOUT_CEILING_PER_SECOND);
        }
    }

    /** {@code ops/<unit>} (throughput) or {@code <unit>/op} (time per id) to ids per second. */
    static double idsPerSecond(double score, String unit) {
        String[] parts = unit.split("/");
        return parts[0].equals("ops") ? score / seconds(parts[1]) : 1 / (score * seconds(parts[0]));
    }

    private static double seconds(String unit) {
        return switch (unit) {
            case "ns" -> 1e-9;
            case "us", "µs" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "min" -> 60;
            case "hr" -> 3600;
            default -> throw new IllegalArgumentException("unknown time unit " + unit);
        };
    }
}
