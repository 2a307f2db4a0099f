package com.creatorcommerce.credit.adapter.in.scheduling;

import com.creatorcommerce.credit.application.TopUpDonationService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Re-checks donations waiting for their top-up every {@code credit.top-up-check} (1 s). */
@Component
class PendingDonationSchedule {

    private final TopUpDonationService topUps;

    PendingDonationSchedule(TopUpDonationService topUps) {
        this.topUps = topUps;
    }

    @Scheduled(fixedDelayString = "${credit.top-up-check:1s}", initialDelayString = "${credit.top-up-check:1s}")
    void resolvePending() {
        topUps.resolvePending();
    }
}
