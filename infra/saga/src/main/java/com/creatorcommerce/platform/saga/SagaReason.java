package com.creatorcommerce.platform.saga;

/**
 * Why a saga compensated or was parked FAILED: the reason code (a failure reply's code, a local step's,
 * {@link SagaDefinition#DEADLINE_EXPIRED}, {@link SagaDefinition#COMPENSATED_BY_OPERATOR}) and, when known, the
 * detail: what the refusing participant said (the text its refusal carried) or which step went unanswered.
 *
 * @param detail null when nothing more is known
 */
public record SagaReason(String code, String detail) {}
