package org.wholecare;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wholecare.ledger.LedgerService;

/**
 * The ledger is the only way money moves, and only three features may move it: budget (allocations
 * and their changes), purchase (commit, spend, release) and payment (card top-ups). Anyone may read
 * a balance; nobody else may post.
 */
class MoneyMovesTest {

    private static final Set<String> POSTINGS = Set.of("open", "allocate", "adjust", "commit", "release", "spend",
            "reverse");

    @Test
    void onlyBudgetPurchaseAndPaymentPostToTheLedger() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.wholecare");
        noClasses().that().resideOutsideOfPackages("org.wholecare.ledger..", "org.wholecare.budget..",
                        "org.wholecare.purchase..", "org.wholecare.payment..")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("a ledger posting",
                        call -> call.getTargetOwner().isEquivalentTo(LedgerService.class)
                                && POSTINGS.contains(call.getName())))
                .check(classes);
    }
}
