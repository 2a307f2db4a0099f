package com.creatorcommerce.badfixture.wellshaped.application.port;

import com.creatorcommerce.badfixture.wellshaped.domain.Order;
import java.util.Optional;

/** The port the persistence adapter implements. */
public interface Orders {

    Optional<Order> find(long id);

    void add(Order order);
}
