package com.creatorcommerce.order.adapter.in.web;

import com.creatorcommerce.order.application.LikeService;
import com.creatorcommerce.platform.openapi.ProblemResponse;
import com.creatorcommerce.platform.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Seed 002's batch check, for products: which of up to 100 products the caller likes, in one SQL query. */
@Tag(name = "catalog")
@RestController
@RequestMapping("/v1/likes")
class LikeController {

    private final LikeService likes;

    LikeController(LikeService likes) {
        this.likes = likes;
    }

    record CheckBatchRequest(
            @NotNull @Size(max = LikeService.MAX_BATCH) List<@NotNull @IdText String> productIds) {}

    /** Keys are the requested ids as strings (each once), values whether the caller likes that product. */
    record CheckBatchResponse(Map<String, Boolean> likedProducts) {}

    @Operation(operationId = "checkLikedProducts", summary = "Which of these products the caller likes")
    @ProblemResponse(status = 400, codes = "BATCH_TOO_LARGE")
    @PostMapping("/check-batch")
    CheckBatchResponse checkBatch(@Valid @RequestBody CheckBatchRequest request, CurrentUser user) {
        List<Long> ids = request.productIds().stream().map(WebIds::require).toList();
        Map<String, Boolean> answer = new LinkedHashMap<>();
        likes.checkBatch(user.id(), ids).forEach((id, liked) -> answer.put(Long.toString(id), liked));
        return new CheckBatchResponse(answer);
    }
}
