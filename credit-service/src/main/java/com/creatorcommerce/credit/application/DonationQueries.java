package com.creatorcommerce.credit.application;

import com.creatorcommerce.credit.application.port.Donations;
import com.creatorcommerce.credit.domain.CreditRefusal;
import com.creatorcommerce.credit.domain.CreditRefusedException;
import com.creatorcommerce.credit.domain.Donation;
import com.creatorcommerce.platform.kernel.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The caller's donations: sent (any status), received (completed), one by id (its donor or creator only). */
@Service
public class DonationQueries {

    private final Donations donations;

    DonationQueries(Donations donations) {
        this.donations = donations;
    }

    @Transactional(readOnly = true)
    public Page<Donation> sent(long userId, int page, int pageSize) {
        return donations.sent(userId, page, pageSize);
    }

    @Transactional(readOnly = true)
    public Page<Donation> received(long userId, int page, int pageSize) {
        return donations.received(userId, page, pageSize);
    }

    /** @throws CreditRefusedException {@code DONATION_NOT_FOUND} unless the caller gave or received it */
    @Transactional(readOnly = true)
    public Donation get(long userId, long donationId) {
        return donations
                .find(donationId)
                .filter(d ->
                        d.donorId() == userId || (d.creatorId() == userId && d.status() == Donation.Status.COMPLETED))
                .orElseThrow(() -> new CreditRefusedException(
                        CreditRefusal.DONATION_NOT_FOUND, "No donation " + donationId + " of yours."));
    }
}
