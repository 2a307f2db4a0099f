package com.creatorcommerce.credit.application;

import com.creatorcommerce.credit.application.port.Settlements;
import com.creatorcommerce.credit.domain.CreditRefusal;
import com.creatorcommerce.credit.domain.CreditRefusedException;
import com.creatorcommerce.credit.domain.InvalidCreditRequestException;
import com.creatorcommerce.credit.domain.Settlement;
import com.creatorcommerce.platform.kernel.Page;
import com.creatorcommerce.platform.snowflake.IdGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creators' settlements (seed 001, stage 4): per UTC month, the completed donations a creator received, the platform
 * fee and the net money ({@link Settlement#compute}). One settlement per (creator, period), never recomputed: each
 * donation is counted by exactly one settlement ({@code donations.settlement_id}). The running month may be settled;
 * its donations completed after that are carried over to the creator's next settlement.
 */
@Service
public class SettlementService {

    private static final Pattern PERIOD = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

    /** One run: the period's settlements, and how many were created by this run. */
    public record Run(YearMonth period, int created, List<Settlement> settlements) {}

    private final Settlements settlements;
    private final SettlementSettings settings;
    private final IdGenerator ids;
    private final TransactionTemplate tx;
    private final Clock clock;

    SettlementService(
            Settlements settlements,
            SettlementSettings settings,
            IdGenerator ids,
            TransactionTemplate tx,
            Clock clock) {
        this.settlements = settlements;
        this.settings = settings;
        this.ids = ids;
        this.tx = tx;
        this.clock = clock;
    }

    /** Settles {@code periodText} ({@code YYYY-MM}, UTC) for every creator with donations to count. */
    public Run settle(String periodText) {
        YearMonth period = period(periodText);
        Instant now = clock.instant();
        Instant from = period.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = period.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant until = end.isBefore(now) ? end : now;
        int created = 0;
        for (long creator : settlements.creatorsWithUnsettled(from, until)) {
            if (settlements.find(creator, period.toString()).isPresent()) {
                continue; // settled before: never recomputed
            }
            if (Boolean.TRUE.equals(tx.execute(status -> settleOne(creator, period, from, until, now)))) {
                created++;
            }
        }
        return new Run(period, created, settlements.ofPeriod(period.toString()));
    }

    private boolean settleOne(long creator, YearMonth period, Instant from, Instant until, Instant now) {
        Settlements.Unsettled u = settlements.lockUnsettled(creator, from, until);
        if (u.credits() == 0) {
            return false;
        }
        Settlement s = Settlement.compute(
                ids.nextId(),
                creator,
                period,
                u.donations(),
                u.credits(),
                settings.feeRate(),
                settings.ratePerCredit(),
                settings.money(),
                now);
        if (!settlements.addIfAbsent(s)) {
            return false; // a concurrent run settled it
        }
        long marked = settlements.markSettled(creator, s.id(), from, until);
        if (marked != u.donations()) {
            throw new IllegalStateException("Settlement of creator " + creator + " counted " + u.donations()
                    + " donations but marked " + marked);
        }
        return true;
    }

    @Transactional(readOnly = true)
    public Page<Settlement> mine(long creatorId, int page, int pageSize) {
        return settlements.ofCreator(creatorId, page, pageSize);
    }

    /** OWED → PAID by {@code adminId}. */
    @Transactional
    public Settlement markPaid(long adminId, long settlementId) {
        Settlement s = settlements
                .find(settlementId)
                .orElseThrow(() -> new CreditRefusedException(
                        CreditRefusal.SETTLEMENT_NOT_FOUND, "No settlement " + settlementId + "."));
        if (!settlements.markPaid(settlementId, adminId, clock.instant())) {
            throw new CreditRefusedException(
                    CreditRefusal.SETTLEMENT_ALREADY_PAID, "Settlement " + s.id() + " was paid before.");
        }
        return settlements.find(settlementId).orElseThrow();
    }

    /** A month that has begun (UTC): the running one or an earlier one. */
    YearMonth period(String text) {
        if (text == null || !PERIOD.matcher(text).matches()) {
            throw InvalidCreditRequestException.of("period", "must be a month as YYYY-MM");
        }
        YearMonth period = YearMonth.parse(text);
        if (period.isAfter(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            throw InvalidCreditRequestException.of("period", "must not be in the future (UTC)");
        }
        return period;
    }
}
