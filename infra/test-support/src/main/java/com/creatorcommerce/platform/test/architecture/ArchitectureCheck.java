package com.creatorcommerce.platform.test.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;

/** Evaluates a set of rules at once and fails with every violated rule's report (each names the offending classes). */
final class ArchitectureCheck {

    private ArchitectureCheck() {}

    /** The failure reports of the violated rules, one per rule; empty when all hold. */
    static List<String> violations(JavaClasses classes, List<ArchRule> rules) {
        return rules.stream()
                .map(rule -> rule.evaluate(classes))
                .filter(EvaluationResult::hasViolation)
                .map(result -> result.getFailureReport().toString())
                .toList();
    }

    static void assertHolds(String what, JavaClasses classes, List<ArchRule> rules) {
        if (classes.isEmpty()) {
            throw new AssertionError("No classes of " + what + " were found on the classpath: is the package right?");
        }
        List<String> reports = violations(classes, rules);
        if (!reports.isEmpty()) {
            throw new AssertionError("The architecture of " + what + " breaks " + reports.size() + " rule(s) "
                    + "(docs/DEVELOPING.md, ADR 12):\n\n" + String.join("\n\n", reports));
        }
    }

    /**
     * Code of a service: anything under {@code root} that is neither a platform library ({@code root.platform..}) nor
     * the published contracts ({@code root.contracts..}), and not under {@code own} (null: no exception).
     */
    static DescribedPredicate<JavaClass> serviceCode(String root, String own, String description) {
        return DescribedPredicate.describe(description, c -> {
            String p = c.getPackageName();
            return within(p, root)
                    && !within(p, root + ".platform")
                    && !within(p, root + ".contracts")
                    && (own == null || !within(p, own));
        });
    }

    static boolean within(String pkg, String base) {
        return pkg.equals(base) || pkg.startsWith(base + ".");
    }
}
