package com.creatorcommerce.badfixture.domainleak.domain;

import org.springframework.util.Assert;

/** Breaks "the domain is plain": it calls Spring. */
public class Basket {

    private long amount;

    public void add(long value) {
        Assert.isTrue(value > 0, "positive");
        amount += value;
    }

    public long amount() {
        return amount;
    }
}
