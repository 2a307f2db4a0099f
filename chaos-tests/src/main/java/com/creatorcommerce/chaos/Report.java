package com.creatorcommerce.chaos;

import java.util.ArrayList;
import java.util.List;

/** The run's report: sections of figures, then the checks, the last line {@code N passed, M failed}. */
public final class Report {

    /** One check over the run. */
    public record Check(String name, boolean passed, String detail) {}

    private final List<String> lines = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private long sent;
    private long accepted;
    private int faults;

    void section(String title) {
        lines.add("");
        lines.add("== " + title);
    }

    void line(String format, Object... args) {
        lines.add(args.length == 0 ? format : String.format(format, args));
    }

    void check(String name, boolean passed, String detail) {
        checks.add(new Check(name, passed, detail));
    }

    void setLoad(long sent, long accepted, int faults) {
        this.sent = sent;
        this.accepted = accepted;
        this.faults = faults;
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    public long passed() {
        return checks.stream().filter(Check::passed).count();
    }

    public long failed() {
        return checks.size() - passed();
    }

    public boolean allPassed() {
        return !checks.isEmpty() && failed() == 0;
    }

    public long sent() {
        return sent;
    }

    public long accepted() {
        return accepted;
    }

    public int faults() {
        return faults;
    }

    /** The whole report, ending with {@code N passed, M failed}. */
    public String text() {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l).append('\n'));
        b.append("\n== Checks\n");
        for (Check c : checks) {
            b.append(c.passed() ? "PASS  " : "FAIL  ").append(c.name());
            if (c.detail() != null && !c.detail().isEmpty()) {
                b.append("  [").append(c.detail()).append(']');
            }
            b.append('\n');
        }
        b.append(passed()).append(" passed, ").append(failed()).append(" failed\n");
        return b.toString();
    }
}
