package com.creatorcommerce.badfixture.cycle.application;

/** A view defined by the application and returned by its own port: application.port -> application. */
public record BasketView(long id) {}
