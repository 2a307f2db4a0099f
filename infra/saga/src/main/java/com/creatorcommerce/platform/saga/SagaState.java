package com.creatorcommerce.platform.saga;

import java.util.List;

/**
 * A saga instance as the state machine sees it.
 *
 * @param step index of the current step (whose command or compensation awaits a reply), -1 when none
 * @param executed steps whose action ran or whose command was sent, in order
 * @param compensated steps whose compensation ran or was sent
 * @param reasonDetail what the refusal said (see {@link SagaReason}); null when nothing more is known
 */
record SagaState<D>(
        long id,
        String type,
        SagaStatus status,
        int step,
        D data,
        int attempts,
        String reasonCode,
        String reasonDetail,
        String lastError,
        List<String> executed,
        List<String> compensated) {

    SagaState {
        executed = List.copyOf(executed);
        compensated = List.copyOf(compensated);
    }

    static <D> SagaState<D> initial(long id, String type, D data) {
        return new SagaState<>(id, type, SagaStatus.RUNNING, -1, data, 0, null, null, null, List.of(), List.of());
    }
}
