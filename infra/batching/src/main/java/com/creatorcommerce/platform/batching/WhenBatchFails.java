package com.creatorcommerce.platform.batching;

/** What a {@link PerKeyCombiner} does when its {@link BatchHandler} throws for a batch. */
public enum WhenBatchFails {

    /**
     * Every request of the batch fails with the handler's exception (thrown to each caller). For handlers that answer
     * every request's own refusal as an outcome, so that a throw means the batch as a whole could not run (e.g. the
     * database is down) and retrying its requests one by one would only fail again, slower.
     */
    FAIL_EVERY_ITEM,

    /**
     * A failed batch of several requests is handled again one request at a time, each as a batch of one, so that one
     * bad request fails alone (its caller gets what handling it alone threw) and the others get their outcomes. A
     * failed batch of one fails its request.
     */
    RETRY_EACH_ALONE
}
