package com.creatorcommerce.credit.application;

import com.creatorcommerce.credit.application.port.Donations;
import com.creatorcommerce.credit.domain.Donation;
import com.creatorcommerce.platform.saga.SagaDefinition;
import com.creatorcommerce.platform.saga.SagaReason;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The ends of the top-up-then-donate saga in credit-service, inside the saga transition's transaction: wake the
 * request waiting for the donation, and on failure record why nothing was given (and that bought credits stay).
 */
@Service
class TopUpDonationSteps implements TopUpDonationSaga.Local {

    private static final Logger log = LoggerFactory.getLogger(TopUpDonationSteps.class);
    static final String CREDITS_STAY = " The credits bought for it stay in your wallet.";
    static final String TOP_UP_TIMEOUT = "TOP_UP_TIMEOUT";
    static final String DONATION_TIMEOUT = "DONATION_TIMEOUT";
    static final String CANCELLED_BY_OPERATOR = "CANCELLED_BY_OPERATOR";

    private final Donations donations;
    private final SettlementSignals signals;
    private final Clock clock;

    TopUpDonationSteps(Donations donations, SettlementSignals signals, Clock clock) {
        this.donations = donations;
        this.signals = signals;
        this.clock = clock;
    }

    @Override
    public void completed(TopUpDonationData data) {
        signals.settledAfterCommit(data.donationId());
    }

    @Override
    public void failed(TopUpDonationData data, SagaReason reason) {
        String code = codeOf(reason.code(), data);
        String text = reasonOf(code, reason.detail(), data);
        if (donations.failOrAmend(data.donationId(), code, text, clock.instant())) {
            log.info("Donation {} failed: {} {}", data.donationId(), code, text);
        } else {
            log.warn(
                    "Donation saga of {} ended compensated ({}), but the donation is {}",
                    data.donationId(),
                    code,
                    donations.find(data.donationId()).map(Donation::status).orElse(null));
        }
        signals.settledAfterCommit(data.donationId());
    }

    /** The donation's failure code for the saga's reason. */
    static String codeOf(String reason, TopUpDonationData data) {
        if (SagaDefinition.DEADLINE_EXPIRED.equals(reason)) {
            return data.paid() ? DONATION_TIMEOUT : TOP_UP_TIMEOUT;
        }
        if (SagaDefinition.COMPENSATED_BY_OPERATOR.equals(reason)) {
            return CANCELLED_BY_OPERATOR;
        }
        return reason;
    }

    private static String reasonOf(String code, String detail, TopUpDonationData data) {
        String stay = data.paid() ? CREDITS_STAY : "";
        return switch (code) {
            case TopUpDonationSaga.PAYMENT_DECLINED -> "The top-up was not paid (" + detail + "); nothing was given.";
            case TOP_UP_TIMEOUT ->
                "The top-up's payment did not settle in time; nothing was given. If it is "
                        + "approved later, the credits bought stay in your wallet.";
            case DONATION_TIMEOUT -> "The donation could not be made in time; nothing was given." + stay;
            case CANCELLED_BY_OPERATOR ->
                "An operator cancelled the donation (" + detail + "); nothing was given." + stay;
            default -> (detail == null ? code : detail) + stay;
        };
    }
}
