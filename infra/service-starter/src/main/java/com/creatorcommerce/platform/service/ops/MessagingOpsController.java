package com.creatorcommerce.platform.service.ops;

import com.creatorcommerce.platform.messaging.ops.DeadLetters.DeadLetter;
import com.creatorcommerce.platform.messaging.ops.MessagingOps;
import com.creatorcommerce.platform.messaging.outbox.OutboxStore.ParkedRow;
import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.web.ApiException;
import com.creatorcommerce.platform.web.CurrentUser;
import com.creatorcommerce.platform.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' repair tools for messaging, on every service (ADMIN only; {@code /v1/admin/**} is ADMIN-only in the
 * security chain too): parked outbox rows and dead letters, to list, requeue and replay. Every action needs a
 * reason and is audited with the admin's id.
 */
@RestController
@Validated
@RequestMapping("/v1/admin/messaging")
@Tag(
        name = "messaging ops",
        description = "Operators' repair tools for messaging (role ADMIN): parked outbox "
                + "rows and dead letters, to list, requeue and replay; every action audited with a reason")
@ProblemResponse(status = 403, codes = "ADMIN_REQUIRED", description = "The caller lacks role ADMIN.")
class MessagingOpsController {

    private final MessagingOps ops;

    MessagingOpsController(MessagingOps ops) {
        this.ops = ops;
    }

    /** Why an operator acts. */
    record ActionRequest(@NotBlank @Size(max = 500) String reason) {}

    record ParkedRowResponse(
            String id, String topic, String key, String type, int attempts, String lastError, Instant createdAt) {
        static ParkedRowResponse of(ParkedRow r) {
            return new ParkedRowResponse(
                    Long.toString(r.id()), r.topic(), r.key(), r.type(), r.attempts(), r.lastError(), r.createdAt());
        }
    }

    record RequeuedResponse(String id, String status) {}

    record DeadLetterResponse(
            String dltTopic,
            int partition,
            String offset,
            String originalTopic,
            String key,
            String messageId,
            String messageType,
            String error,
            Instant deadLetteredAt,
            boolean replayed,
            String payload) {
        static DeadLetterResponse of(DeadLetter l, boolean replayed) {
            return new DeadLetterResponse(
                    l.dltTopic(),
                    l.partition(),
                    Long.toString(l.offset()),
                    l.originalTopic(),
                    l.key(),
                    l.messageId(),
                    l.messageType(),
                    l.error(),
                    l.deadLetteredAt(),
                    replayed,
                    l.payload());
        }
    }

    record DeadLettersResponse(Set<String> topics, List<DeadLetterResponse> items) {}

    @GetMapping("/outbox/parked")
    @Operation(summary = "Parked outbox rows (the relay gave up on them), oldest first")
    PageResponse<ParkedRowResponse> parked(
            CurrentUser user,
            @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        requireAdmin(user);
        List<ParkedRowResponse> rows = ops.parked(PageResponse.offset(page, pageSize), pageSize).stream()
                .map(ParkedRowResponse::of)
                .toList();
        return PageResponse.of(rows, ops.countParked(), page, pageSize);
    }

    @PostMapping("/outbox/{id}/requeue")
    @Operation(summary = "Requeue a parked outbox row (PENDING again), with a reason")
    @ProblemResponse(status = 404, codes = "OUTBOX_ROW_NOT_PARKED")
    RequeuedResponse requeue(
            CurrentUser user,
            @PathVariable @Pattern(regexp = "[1-9][0-9]{0,18}") String id,
            @Valid @RequestBody ActionRequest request) {
        requireAdmin(user);
        long rowId = Long.parseLong(id);
        if (!ops.requeue(rowId, Long.toString(user.id()), request.reason())) {
            throw ApiException.notFound("OUTBOX_ROW_NOT_PARKED", "No parked outbox row " + id);
        }
        return new RequeuedResponse(id, "PENDING");
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "This service's dead letters, per dead-letter topic or all of them")
    @ProblemResponse(
            status = 404,
            codes = "DEAD_LETTER_TOPIC_NOT_FOUND",
            description = "Not a dead-letter topic of this service; `topics` lists them.")
    DeadLettersResponse deadLetters(
            CurrentUser user,
            @RequestParam(required = false) @Size(max = 249) @Pattern(regexp = "[A-Za-z0-9._-]+") String topic,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        requireAdmin(user);
        Set<String> topics = ops.deadLetterTopics();
        if (topic != null && !topics.contains(topic)) {
            throw ApiException.notFound(
                            "DEAD_LETTER_TOPIC_NOT_FOUND", "Not a dead-letter topic of this service: " + topic)
                    .with("topics", topics);
        }
        return new DeadLettersResponse(
                topics,
                ops.deadLetters(topic, limit).stream()
                        .map(v -> DeadLetterResponse.of(v.letter(), v.replayed()))
                        .toList());
    }

    @PostMapping("/dead-letters/{topic}/{partition}/{offset}/replay")
    @Operation(summary = "Replay a dead letter to its original topic, with a reason")
    @ProblemResponse(status = 404, codes = "DEAD_LETTER_NOT_FOUND")
    DeadLetterResponse replay(
            CurrentUser user,
            @PathVariable @Size(max = 249) @Pattern(regexp = "[A-Za-z0-9._-]+") String topic,
            @PathVariable @Min(0) @Max(100_000) int partition,
            @PathVariable @Pattern(regexp = "0|[1-9][0-9]{0,18}") String offset,
            @Valid @RequestBody ActionRequest request) {
        requireAdmin(user);
        DeadLetter letter = ops.replay(
                        topic, partition, Long.parseLong(offset), Long.toString(user.id()), request.reason())
                .orElseThrow(() -> ApiException.notFound(
                        "DEAD_LETTER_NOT_FOUND", "No dead letter at " + topic + "/" + partition + "/" + offset));
        return DeadLetterResponse.of(letter, true);
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.isAdmin()) {
            throw ApiException.forbidden("ADMIN_REQUIRED", "Messaging operations need the ADMIN role");
        }
    }
}
