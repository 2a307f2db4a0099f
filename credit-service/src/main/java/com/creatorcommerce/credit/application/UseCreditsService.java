package com.creatorcommerce.credit.application;

import com.creatorcommerce.credit.application.ledger.CreditLedger;
import com.creatorcommerce.credit.application.ledger.LedgerEntry;
import com.creatorcommerce.credit.application.ledger.LedgerOutcome;
import com.creatorcommerce.credit.domain.CreditHistoryEntry;
import com.creatorcommerce.credit.domain.CreditRefusal;
import com.creatorcommerce.credit.domain.CreditRefusedException;
import com.creatorcommerce.credit.domain.InvalidCreditRequestException;
import com.creatorcommerce.credit.domain.TransactionType;
import com.creatorcommerce.credit.domain.WalletChange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Spending credits on a paid feature (seed 000's virtual try-on costs 3). The client's Idempotency-Key is also the
 * usage's idempotency key in the ledger ({@code usage:<user>:<key>}), so a retried request never spends twice, even
 * after the web layer's replay record expired. A balance that does not cover it refuses it: nothing changes.
 */
@Service
public class UseCreditsService {

    private static final Pattern FEATURE = Pattern.compile("[a-z0-9][a-z0-9_.\\-]{0,49}");
    private static final int MAX_KEY_IN_LEDGER = 100;

    private final CreditLedger ledger;
    private final long maxUse;

    UseCreditsService(CreditLedger ledger, CreditSettings settings) {
        this.ledger = ledger;
        this.maxUse = settings.maxUse();
    }

    public long maxUse() {
        return maxUse;
    }

    /**
     * Spends {@code amount} credits of {@code userId} on {@code feature}.
     *
     * @param description shown in the history; null for a default
     * @param idempotencyKey the client's Idempotency-Key
     * @throws CreditRefusedException {@code INSUFFICIENT_CREDITS} (nothing spent), {@code IDEMPOTENCY_KEY_REUSED}
     */
    public UsageResult use(long userId, long amount, String feature, String description, String idempotencyKey) {
        if (amount < 1 || amount > maxUse) {
            throw InvalidCreditRequestException.of("amount", "must be a whole number between 1 and " + maxUse);
        }
        if (feature == null || !FEATURE.matcher(feature).matches()) {
            throw InvalidCreditRequestException.of(
                    "feature", "must be 1 to 50 lower-case letters, digits, '_', '-' " + "or '.'");
        }
        String key = ledgerKey(idempotencyKey);
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("feature", feature);
        extra.put("idempotency_key", key);
        String text = description == null || description.isBlank()
                ? feature + " (" + amount + " credits)"
                : description.strip();
        WalletChange change = new WalletChange(
                userId, TransactionType.USAGE, amount, text, extra, key, "usage:" + userId + ":" + key);
        return switch (ledger.apply(LedgerEntry.of(change))) {
            case LedgerOutcome.Applied a -> result(a.entry(), feature, false);
            case LedgerOutcome.AlreadyApplied done -> replay(done.entry(), amount, feature);
            case LedgerOutcome.Insufficient i ->
                throw new CreditRefusedException(
                        CreditRefusal.INSUFFICIENT_CREDITS,
                        "Not enough credits: " + i.required() + " needed, " + i.balance() + " available.",
                        Map.of("balance", i.balance(), "required", i.required()));
            case LedgerOutcome.NotAdmitted n -> throw new IllegalStateException("A usage is always admitted");
        };
    }

    private static UsageResult replay(CreditHistoryEntry done, long amount, String feature) {
        if (done.type() != TransactionType.USAGE
                || done.amount() != -amount
                || !feature.equals(done.extraData().get("feature"))) {
            throw new CreditRefusedException(
                    CreditRefusal.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key already spent credits with other terms.");
        }
        return result(done, feature, true);
    }

    private static UsageResult result(CreditHistoryEntry row, String feature, boolean replayed) {
        return new UsageResult(row.id(), -row.amount(), row.balanceAfter(), feature, row.createdAt(), replayed);
    }

    /** The client's key as stored (long keys by their SHA-256). */
    static String ledgerKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw InvalidCreditRequestException.of("Idempotency-Key", "is required to spend credits");
        }
        if (idempotencyKey.length() <= MAX_KEY_IN_LEDGER) {
            return idempotencyKey;
        }
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256")
                                    .digest(idempotencyKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
