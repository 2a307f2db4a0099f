/**
 * Deliberately badly shaped code for the architecture rules' own tests ({@code ArchitectureRulesTest}): each
 * sub-package breaks exactly one rule (or, for {@code wellshaped}, none). Root of the fixture layout: its
 * {@code platform} and {@code contracts} packages stand in for {@code com.creatorcommerce.platform} and
 * {@code com.creatorcommerce.contracts}.
 */
package com.creatorcommerce.badfixture;
