package com.creatorcommerce.order.domain.catalog;

/** Orders of the product listing. */
public enum ProductSort {
    /** Newest first. */
    LATEST,
    /** Most viewed of all time first, newest first among equals (seed 004 index 1). */
    VIEW_COUNT
}
