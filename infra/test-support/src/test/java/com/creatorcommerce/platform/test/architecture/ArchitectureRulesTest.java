package com.creatorcommerce.platform.test.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rule fails on a deliberately bad fixture ({@code com.creatorcommerce.badfixture..}, one rule broken per
 * package) with a message that names the rule and the offending class, and a well-shaped fixture passes them all.
 */
class ArchitectureRulesTest {

    private static final String FIXTURE = "com.creatorcommerce.badfixture";

    private static List<String> serviceViolations(String service) {
        String base = FIXTURE + "." + service;
        JavaClasses classes = new ClassFileImporter().importPackages(base);
        assertThat(classes).as("fixture classes of " + base).isNotEmpty();
        return ArchitectureCheck.violations(classes, ServiceArchitecture.rules(FIXTURE, base));
    }

    private static List<String> platformViolations(String pkg) {
        JavaClasses classes = new ClassFileImporter().importPackages(FIXTURE + "." + pkg);
        assertThat(classes).isNotEmpty();
        return ArchitectureCheck.violations(classes, PlatformArchitecture.rules(FIXTURE));
    }

    @Test
    void aWellShapedServicePassesEveryRule() {
        assertThat(serviceViolations("wellshaped")).isEmpty();
    }

    @Test
    void aDomainUsingSpringIsNamed() {
        assertThat(serviceViolations("domainleak"))
                .singleElement()
                .asString()
                .contains("the domain of com.creatorcommerce.badfixture.domainleak depends on no Spring")
                .contains("com.creatorcommerce.badfixture.domainleak.domain.Basket")
                .contains("org.springframework.util.Assert");
    }

    @Test
    void anApplicationReadingConfigIsNamed() {
        assertThat(serviceViolations("applicationleak"))
                .singleElement()
                .asString()
                .contains("the application of com.creatorcommerce.badfixture.applicationleak depends on no adapter, "
                        + "config, web or persistence API")
                .contains("com.creatorcommerce.badfixture.applicationleak.application.CheckoutService")
                .contains("CheckoutSettings");
    }

    @Test
    void anApplicationThrowingAnHttpProblemBreaksTheErrorPolicy() {
        assertThat(serviceViolations("errorpolicy"))
                .singleElement()
                .asString()
                .contains("does not use com.creatorcommerce.badfixture.platform.web (ApiException, CurrentUser)")
                .contains("ADR 12")
                .contains("com.creatorcommerce.badfixture.errorpolicy.application.RefundService");
    }

    @Test
    void aPublicAdapterIsNamed() {
        assertThat(serviceViolations("publicadapter"))
                .singleElement()
                .asString()
                .contains("the adapters of com.creatorcommerce.badfixture.publicadapter are package-private")
                .contains("com.creatorcommerce.badfixture.publicadapter.adapter.out.persistence.JdbcBaskets");
    }

    @Test
    void aPackageCycleIsNamedWithTheClassesThatCloseIt() {
        assertThat(serviceViolations("cycle"))
                .singleElement()
                .asString()
                .contains("the packages of com.creatorcommerce.badfixture.cycle are free of cycles")
                .contains("com.creatorcommerce.badfixture.cycle.application.port.Baskets")
                .contains("com.creatorcommerce.badfixture.cycle.application.ShowBasket");
    }

    @Test
    void anotherServicesCodeIsNamed() {
        assertThat(serviceViolations("crossservice"))
                .singleElement()
                .asString()
                .contains("com.creatorcommerce.badfixture.crossservice uses no other service's code")
                .contains("com.creatorcommerce.badfixture.crossservice.application.PayWithWallet")
                .contains("com.creatorcommerce.badfixture.otherservice.domain.Wallet");
    }

    @Test
    void aPlatformLibraryUsingAServiceIsNamed() {
        assertThat(platformViolations("platform"))
                .singleElement()
                .asString()
                .contains("the platform libraries (com.creatorcommerce.badfixture.platform) use no service's code")
                .contains("com.creatorcommerce.badfixture.platform.outbox.BasketRelay")
                .contains("com.creatorcommerce.badfixture.wellshaped.domain.Order");
    }

    @Test
    void aContractUsingSpringIsNamed() {
        assertThat(platformViolations("contracts"))
                .singleElement()
                .asString()
                .contains("the contracts (com.creatorcommerce.badfixture.contracts) depend on no Spring")
                .contains("com.creatorcommerce.badfixture.contracts.shop.OrderShipped")
                .doesNotContain("BasketCheckedOut");
    }

    @Test
    void aCheckFailsWithTheReportOfEveryBrokenRule() {
        String base = FIXTURE + ".domainleak";
        assertThatThrownBy(() -> ArchitectureCheck.assertHolds(
                        "service " + base,
                        new ClassFileImporter().importPackages(base),
                        ServiceArchitecture.rules(FIXTURE, base)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "The architecture of service com.creatorcommerce.badfixture.domainleak breaks 1 " + "rule(s)")
                .hasMessageContaining("com.creatorcommerce.badfixture.domainleak.domain.Basket");
    }

    @Test
    void aCheckOfAPackageWithoutClassesFailsInsteadOfPassing() {
        assertThatThrownBy(() -> ServiceArchitecture.check("com.creatorcommerce.nosuchservice"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No classes of service com.creatorcommerce.nosuchservice were found");
    }
}
