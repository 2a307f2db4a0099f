package com.creatorcommerce.platform.service.ops;

import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.saga.SagaOps;
import com.creatorcommerce.platform.saga.SagaOps.Detail;
import com.creatorcommerce.platform.saga.SagaOps.Filter;
import com.creatorcommerce.platform.saga.SagaOps.Summary;
import com.creatorcommerce.platform.saga.SagaOpsException;
import com.creatorcommerce.platform.saga.SagaStatus;
import com.creatorcommerce.platform.web.ApiException;
import com.creatorcommerce.platform.web.CurrentUser;
import com.creatorcommerce.platform.web.PageResponse;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' tools for the sagas a service orchestrates (ADMIN only; {@code /v1/admin/**} is ADMIN-only in the
 * security chain too): list them by state, type and age, look at one with its step log, re-send its current command
 * or compensation, or compensate it now. Every action needs a reason and is audited with the admin's id.
 *
 * <p>Served at {@code platform.saga.ops-path} ({@code /v1/admin/sagas} by default): a second orchestrating service
 * behind the same gateway takes a path of its own (credit-service: {@code /v1/admin/credit-sagas}), so that its
 * API document says where the gateway really routes it.
 */
@RestController
@Validated
@RequestMapping("${platform.saga.ops-path:/v1/admin/sagas}")
@Tag(
        name = "saga ops",
        description = "Operators' tools for the sagas this service orchestrates (role ADMIN): "
                + "list, inspect, retry, compensate; every action audited with a reason")
@ProblemResponse(status = 403, codes = "ADMIN_REQUIRED", description = "The caller lacks role ADMIN.")
class SagaOpsController {

    private static final String ID = "[1-9][0-9]{0,18}";
    private static final Duration MAX_AGE = Duration.ofDays(3650);

    private final SagaOps ops;

    SagaOpsController(SagaOps ops) {
        this.ops = ops;
    }

    /** Why an operator acts. */
    record ActionRequest(@NotBlank @Size(max = 500) String reason) {}

    record SagaResponse(
            String id,
            String type,
            SagaStatus status,
            String currentStep,
            String reasonCode,
            int attempts,
            String lastError,
            Instant deadlineAt,
            Instant createdAt,
            Instant updatedAt) {
        static SagaResponse of(Summary s) {
            return new SagaResponse(
                    Long.toString(s.id()),
                    s.type(),
                    s.status(),
                    s.currentStep(),
                    s.reasonCode(),
                    s.attempts(),
                    s.lastError(),
                    s.deadlineAt(),
                    s.createdAt(),
                    s.updatedAt());
        }
    }

    record StepLogResponse(
            int seq, String step, String event, String messageId, String outcome, String detail, Instant at) {}

    record AuditResponse(String action, String actor, String reason, Instant at) {}

    /** A saga, its data as stored (JSON), its step log and the operators' actions on it. */
    record SagaDetailResponse(
            String id,
            String type,
            SagaStatus status,
            String currentStep,
            String reasonCode,
            int attempts,
            String lastError,
            Instant deadlineAt,
            Instant createdAt,
            Instant updatedAt,
            @JsonRawValue String data,
            List<StepLogResponse> steps,
            List<AuditResponse> audit) {
        static SagaDetailResponse of(Detail d) {
            Summary s = d.saga();
            return new SagaDetailResponse(
                    Long.toString(s.id()),
                    s.type(),
                    s.status(),
                    s.currentStep(),
                    s.reasonCode(),
                    s.attempts(),
                    s.lastError(),
                    s.deadlineAt(),
                    s.createdAt(),
                    s.updatedAt(),
                    d.data(),
                    d.steps().stream()
                            .map(l -> new StepLogResponse(
                                    l.seq(),
                                    l.step(),
                                    l.event().name(),
                                    l.messageId(),
                                    l.outcome(),
                                    l.detail(),
                                    l.at()))
                            .toList(),
                    d.audit().stream()
                            .map(a -> new AuditResponse(a.action(), a.actor(), a.reason(), a.at()))
                            .toList());
        }
    }

    /** Oldest first; {@code older_than} is an ISO-8601 duration ({@code PT15M}, {@code P1D}) since creation. */
    @GetMapping
    @Operation(
            summary = "Sagas by state, type and age, oldest first",
            description = "`older_than` is an ISO-8601 duration since creation (`PT15M`, `P1D`).")
    @ProblemResponse(status = 400, codes = "INVALID_OLDER_THAN")
    PageResponse<SagaResponse> list(
            CurrentUser user,
            @RequestParam(required = false) @Pattern(regexp = "RUNNING|COMPENSATING|COMPLETED|COMPENSATED|FAILED")
                    String state,
            @RequestParam(required = false) @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*") String type,
            @RequestParam(name = "older_than", required = false) @Size(max = 40) String olderThan,
            @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int page,
            @RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        requireAdmin(user);
        Filter filter = new Filter(state == null ? null : SagaStatus.valueOf(state), type, age(olderThan));
        List<SagaResponse> items = ops.list(filter, PageResponse.offset(page, pageSize), pageSize).stream()
                .map(SagaResponse::of)
                .toList();
        return PageResponse.of(items, ops.count(filter), page, pageSize);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One saga with its data, step log and operators' actions")
    @ProblemResponse(status = 404, codes = "SAGA_NOT_FOUND")
    SagaDetailResponse detail(CurrentUser user, @PathVariable @Pattern(regexp = ID) String id) {
        requireAdmin(user);
        return ops.detail(Long.parseLong(id)).map(SagaDetailResponse::of).orElseThrow(() -> notFound(id));
    }

    /** Re-sends the current step's command (RUNNING) or compensation (COMPENSATING, FAILED), fresh deadline. */
    @PostMapping("/{id}/retry")
    @Operation(
            summary = "Re-send the saga's current command or compensation, with a fresh deadline",
            description = "The command when RUNNING, the compensation when COMPENSATING or FAILED.")
    @ProblemResponse(status = 404, codes = "SAGA_NOT_FOUND")
    @ProblemResponse(status = 409, codes = "SAGA_NOT_RETRYABLE")
    SagaResponse retry(
            CurrentUser user,
            @PathVariable @Pattern(regexp = ID) String id,
            @Valid @RequestBody ActionRequest request) {
        return act(user, id, request, "SAGA_NOT_RETRYABLE", ops::retry);
    }

    /** Compensates a RUNNING saga now, its current step included. */
    @PostMapping("/{id}/compensate")
    @Operation(summary = "Compensate a RUNNING saga now, its current step included")
    @ProblemResponse(status = 404, codes = "SAGA_NOT_FOUND")
    @ProblemResponse(status = 409, codes = "SAGA_NOT_RUNNING")
    SagaResponse compensate(
            CurrentUser user,
            @PathVariable @Pattern(regexp = ID) String id,
            @Valid @RequestBody ActionRequest request) {
        return act(user, id, request, "SAGA_NOT_RUNNING", ops::compensate);
    }

    /** One operator's action on one saga: {@link SagaOps#retry} or {@link SagaOps#compensate}. */
    @FunctionalInterface
    private interface Action {
        Summary apply(long id, String actor, String reason);
    }

    /** Checks the role, acts with the admin's id and reason (audited by {@link SagaOps}), answers the saga. */
    private static SagaResponse act(
            CurrentUser user, String id, ActionRequest request, String conflictCode, Action action) {
        requireAdmin(user);
        try {
            return SagaResponse.of(action.apply(Long.parseLong(id), Long.toString(user.id()), request.reason()));
        } catch (SagaOpsException e) {
            throw e.kind() == SagaOpsException.Kind.NOT_FOUND
                    ? notFound(id)
                    : ApiException.conflict(conflictCode, e.getMessage());
        }
    }

    private static Duration age(String olderThan) {
        if (olderThan == null) {
            return null;
        }
        try {
            Duration d = Duration.parse(olderThan);
            if (!d.isNegative() && d.compareTo(MAX_AGE) <= 0) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ApiException.badRequest(
                        "INVALID_OLDER_THAN",
                        "older_than is an ISO-8601 duration between PT0S and P3650D, e.g. PT15M or P1D")
                .with("older_than", olderThan);
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("SAGA_NOT_FOUND", "No saga " + id);
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.isAdmin()) {
            throw ApiException.forbidden("ADMIN_REQUIRED", "Saga operations need the ADMIN role");
        }
    }
}
