package com.creatorcommerce.platform.test.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The one shape of a service (docs/DEVELOPING.md, ADR 12) as architecture rules. A service applies all of them in one
 * line, on its compiled main classes:
 * <pre>
 * class ArchitectureTest {
 *     &#64;Test
 *     void shape() {
 *         ServiceArchitecture.check("com.creatorcommerce.payment");
 *     }
 * }
 * </pre>
 * The rules, for a service whose base package is {@code b}:
 * <ol>
 *   <li>{@code b.domain..} depends on no Spring, platform library, contract, JSON or servlet code, nor on the
 *       service's application, adapters, sagas or config (JPA annotations are allowed);</li>
 *   <li>{@code b.application..} depends on no adapter or config, no web and no persistence API (ports instead);</li>
 *   <li>the error policy: {@code b.application..} does not use {@code com.creatorcommerce.platform.web..}
 *       ({@code ApiException}, {@code CurrentUser}): refusals are typed and mapped to problem codes in the web
 *       adapter;</li>
 *   <li>top-level classes in {@code b.adapter..} are not public;</li>
 *   <li>the packages under {@code b} are free of cycles;</li>
 *   <li>nothing in {@code b} uses another service's code.</li>
 * </ol>
 * A failure lists every broken rule with the offending classes and members.
 */
public final class ServiceArchitecture {

    static final String ROOT = "com.creatorcommerce";

    private ServiceArchitecture() {}

    /** Fails with a report naming the offending classes when the main classes under {@code basePackage} break a rule. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        ArchitectureCheck.assertHolds("service " + basePackage, classes, rules(ROOT, basePackage));
    }

    /**
     * The rules for the service under {@code base}; {@code root} is where the platform libraries
     * ({@code root.platform}) and contracts ({@code root.contracts}) live and other services' code is recognised.
     */
    static List<ArchRule> rules(String root, String base) {
        return List.of(
                domainIsPlain(root, base),
                applicationKnowsNoAdapters(base),
                errorPolicy(root, base),
                adaptersArePackagePrivate(base),
                noPackageCycles(base),
                noOtherServicesCode(root, base));
    }

    static ArchRule domainIsPlain(String root, String base) {
        return noClasses()
                .that()
                .resideInAPackage(base + ".domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        root + ".platform..",
                        root + ".contracts..",
                        "tools.jackson..",
                        "com.fasterxml.jackson..",
                        "jakarta.servlet..",
                        base + ".application..",
                        base + ".adapter..",
                        base + ".saga..",
                        base + ".config..")
                .as("the domain of " + base + " depends on no Spring, platform library, contract, JSON or web code "
                        + "and on no application, adapter, saga or config class")
                .because("the domain holds the rules alone (JPA annotations allowed); the outer layers map to and "
                        + "from it")
                .allowEmptyShould(true);
    }

    static ArchRule applicationKnowsNoAdapters(String base) {
        return noClasses()
                .that()
                .resideInAPackage(base + ".application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        base + ".adapter..",
                        base + ".config..",
                        "org.springframework.web..",
                        "jakarta.servlet..",
                        "org.springframework.data..",
                        "org.springframework.jdbc..",
                        "jakarta.persistence..",
                        "org.hibernate..")
                .as("the application of " + base + " depends on no adapter, config, web or persistence API")
                .because("use cases reach persistence and outside systems through the ports in application.port, "
                        + "implemented by package-private adapters")
                .allowEmptyShould(true);
    }

    static ArchRule errorPolicy(String root, String base) {
        return noClasses()
                .that()
                .resideInAPackage(base + ".application..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".platform.web..")
                .as("the application of " + base + " does not use " + root + ".platform.web (ApiException, "
                        + "CurrentUser)")
                .because("refusals are typed exceptions of the domain or application, mapped to problem codes by the "
                        + "web adapter (ADR 12); the web adapter passes plain user ids")
                .allowEmptyShould(true);
    }

    static ArchRule adaptersArePackagePrivate(String base) {
        return classes()
                .that()
                .resideInAPackage(base + ".adapter..")
                .and()
                .areTopLevelClasses()
                .should()
                .notBePublic()
                .as("the adapters of " + base + " are package-private")
                .because("an adapter only translates; the application reaches it through a port and Spring wires it, "
                        + "so no other class may depend on it")
                .allowEmptyShould(true);
    }

    static ArchRule noPackageCycles(String base) {
        return slices().matching(base + ".(**)")
                .should()
                .beFreeOfCycles()
                .as("the packages of " + base + " are free of cycles")
                .because("dependencies point inwards: adapters and config -> application -> domain")
                .allowEmptyShould(true);
    }

    static ArchRule noOtherServicesCode(String root, String base) {
        return noClasses()
                .that()
                .resideInAPackage(base + "..")
                .should()
                .dependOnClassesThat(ArchitectureCheck.serviceCode(
                        root,
                        base,
                        "belong to another service (" + root + ".* other than " + base + ", platform, contracts)"))
                .as(base + " uses no other service's code")
                .because("services talk through " + root + ".contracts over Kafka or HTTP; tests that run "
                        + "several services together live in system-tests")
                .allowEmptyShould(true);
    }
}
