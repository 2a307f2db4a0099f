package com.creatorcommerce.badfixture.cycle.application.port;

import com.creatorcommerce.badfixture.cycle.application.BasketView;

/** A port that returns an application type, closing the cycle application -> port -> application. */
public interface Baskets {

    BasketView find(long id);
}
