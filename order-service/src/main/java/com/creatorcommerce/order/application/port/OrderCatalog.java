package com.creatorcommerce.order.application.port;

import com.creatorcommerce.order.domain.order.OptionSnapshot;
import java.util.Collection;
import java.util.Map;

/** The catalog as an order copies it. */
public interface OrderCatalog {

    /** The options as they are now (product name, option name, SKU, unit price, on sale), by id; unknown ids absent. */
    Map<Long, OptionSnapshot> snapshots(Collection<Long> productOptionIds);
}
