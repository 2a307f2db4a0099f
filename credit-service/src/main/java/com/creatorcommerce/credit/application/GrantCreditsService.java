package com.creatorcommerce.credit.application;

import com.creatorcommerce.credit.application.ledger.CreditLedger;
import com.creatorcommerce.credit.application.ledger.LedgerEntry;
import com.creatorcommerce.credit.application.ledger.LedgerOutcome;
import com.creatorcommerce.credit.application.ledger.LedgerParticipant;
import com.creatorcommerce.credit.application.port.CreditGrants;
import com.creatorcommerce.credit.domain.CreditGrant;
import com.creatorcommerce.credit.domain.CreditHistoryEntry;
import com.creatorcommerce.credit.domain.InvalidCreditRequestException;
import com.creatorcommerce.credit.domain.NewLot;
import com.creatorcommerce.credit.domain.TransactionType;
import com.creatorcommerce.credit.domain.Violation;
import com.creatorcommerce.credit.domain.WalletChange;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Bonus credits granted by an admin: a {@code bonus} history row and its audit row ({@code credit_grants}: who granted
 * how many to whom and why) in the same ledger transaction.
 */
@Service
public class GrantCreditsService {

    private final CreditLedger ledger;
    private final CreditGrants grants;
    private final IdGenerator ids;
    private final long maxGrant;

    GrantCreditsService(CreditLedger ledger, CreditGrants grants, IdGenerator ids, CreditSettings settings) {
        this.ledger = ledger;
        this.grants = grants;
        this.ids = ids;
        this.maxGrant = settings.maxGrant();
    }

    public long maxGrant() {
        return maxGrant;
    }

    /** Adds {@code amount} bonus credits to {@code userId}'s wallet on behalf of admin {@code adminId}. */
    public GrantView grant(long adminId, long userId, long amount, String reason) {
        List<Violation> v = new ArrayList<>();
        if (userId <= 0) {
            v.add(new Violation("user_id", "must be a positive user id"));
        }
        if (amount < 1 || amount > maxGrant) {
            v.add(new Violation("amount", "must be a whole number between 1 and " + maxGrant));
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > CreditGrant.MAX_REASON) {
            v.add(new Violation("reason", "must be 1 to " + CreditGrant.MAX_REASON + " characters"));
        }
        if (!v.isEmpty()) {
            throw new InvalidCreditRequestException(v);
        }
        long grantId = ids.nextId();
        String why = reason.strip();
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("grant_id", Long.toString(grantId));
        extra.put("granted_by", Long.toString(adminId));
        extra.put("reason", why);
        WalletChange change = new WalletChange(
                        userId,
                        TransactionType.BONUS,
                        amount,
                        "Bonus: " + (why.length() > 400 ? why.substring(0, 400) : why),
                        extra,
                        Long.toString(grantId),
                        "grant:" + grantId)
                .withNewLot(NewLot.bonus(grantId));
        CreditGrant[] audit = new CreditGrant[1];
        LedgerOutcome outcome = ledger.apply(new LedgerEntry(
                change,
                new LedgerParticipant() {
                    @Override
                    public void complete(LedgerOutcome o) {
                        if (o instanceof LedgerOutcome.Applied a) {
                            audit[0] = new CreditGrant(
                                    grantId,
                                    userId,
                                    amount,
                                    why,
                                    adminId,
                                    a.entry().id(),
                                    a.entry().createdAt());
                            grants.add(audit[0]);
                        }
                    }
                },
                null));
        if (!(outcome instanceof LedgerOutcome.Applied applied)) {
            throw new IllegalStateException("A new grant is always applied, not " + outcome);
        }
        CreditHistoryEntry row = applied.entry();
        return new GrantView(grantId, userId, amount, why, adminId, row.id(), row.balanceAfter(), row.createdAt());
    }
}
