package com.creatorcommerce.badfixture.publicadapter.adapter.out.persistence;

/** Breaks "adapters are package-private". */
public class JdbcBaskets {

    long count() {
        return 0;
    }
}
