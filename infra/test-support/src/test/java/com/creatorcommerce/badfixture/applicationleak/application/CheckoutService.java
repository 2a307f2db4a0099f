package com.creatorcommerce.badfixture.applicationleak.application;

import com.creatorcommerce.badfixture.applicationleak.config.CheckoutSettings;

/** Breaks "the application knows no adapter or config". */
public class CheckoutService {

    private final CheckoutSettings settings;

    public CheckoutService(CheckoutSettings settings) {
        this.settings = settings;
    }

    public boolean allows(int items) {
        return items <= settings.maxItems();
    }
}
