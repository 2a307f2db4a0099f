package com.creatorcommerce.platform.test.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The rules of the shared libraries under {@code infra/}, checked on whatever of them is on the test classpath:
 * <ol>
 *   <li>{@code com.creatorcommerce.platform..} (the platform libraries) uses no service's code: infra imports no
 *       domain;</li>
 *   <li>{@code com.creatorcommerce.contracts..} (the published language) depends on no Spring, JPA, platform
 *       library or service code: plain records any consumer can read.</li>
 * </ol>
 * Apply with {@code PlatformArchitecture.check()}; a failure names the offending classes.
 */
public final class PlatformArchitecture {

    private PlatformArchitecture() {}

    /** Checks the main classes of every platform library and contract on the classpath. */
    public static void check() {
        String root = ServiceArchitecture.ROOT;
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root + ".platform", root + ".contracts");
        ArchitectureCheck.assertHolds("the platform libraries and contracts", classes, rules(root));
    }

    /** The rules for the libraries under {@code root.platform} and the contracts under {@code root.contracts}. */
    static List<ArchRule> rules(String root) {
        return List.of(platformUsesNoServiceCode(root), contractsArePlain(root));
    }

    static ArchRule platformUsesNoServiceCode(String root) {
        return noClasses()
                .that()
                .resideInAPackage(root + ".platform..")
                .should()
                .dependOnClassesThat(ArchitectureCheck.serviceCode(
                        root, null, "belong to a service (" + root + ".* other than platform and contracts)"))
                .as("the platform libraries (" + root + ".platform) use no service's code")
                .because("infra serves every service and imports no domain; a service plugs into it through its "
                        + "own beans and configuration")
                .allowEmptyShould(true);
    }

    static ArchRule contractsArePlain(String root) {
        DescribedPredicate<JavaClass> framework = JavaClass.Predicates.resideInAnyPackage(
                "org.springframework..", "jakarta.persistence..", "org.hibernate..", root + ".platform..");
        DescribedPredicate<JavaClass> forbidden = framework
                .or(ArchitectureCheck.serviceCode(root, root + ".contracts", "service code"))
                .as("are Spring, JPA, a platform library or a service's code");
        return noClasses()
                .that()
                .resideInAPackage(root + ".contracts..")
                .should()
                .dependOnClassesThat(forbidden)
                .as("the contracts (" + root + ".contracts) depend on no Spring, JPA, platform library or service code")
                .because("they are the published language: plain records and constants every consumer can read")
                .allowEmptyShould(true);
    }
}
