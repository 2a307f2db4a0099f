package com.creatorcommerce.badfixture.otherservice.domain;

/** Another service's domain class. */
public class Wallet {

    public long balance() {
        return 0;
    }
}
