package com.creatorcommerce.platform.saga;

import com.creatorcommerce.platform.saga.ReplyRule.PayloadReader;

/**
 * A reply addressed to a saga.
 *
 * @param causationId the message whose handling produced the reply (the command, when the participant answered
 *     while handling it); used to tell which step and which send it answers
 */
record SagaReply(String type, String messageId, String causationId, PayloadReader payload) {}
