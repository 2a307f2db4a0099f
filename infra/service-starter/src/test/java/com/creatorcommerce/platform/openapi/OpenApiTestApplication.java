package com.creatorcommerce.platform.openapi;

import com.creatorcommerce.platform.snowflake.IdString;
import com.creatorcommerce.platform.web.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A service on the starter with one controller of each kind the platform's document customizer handles. */
@SpringBootApplication
public class OpenApiTestApplication {

    record WidgetRequest(String widgetName, @IdString Long ownerId) {}

    record WidgetResponse(@IdString long id, String widgetName, long unitPrice, Long stockCount) {}

    @RestController
    @Tag(name = "widgets", description = "Widgets.")
    static class WidgetController {

        @Operation(operationId = "createWidget", summary = "Create a widget")
        @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
        @ProblemResponse(
                status = 409,
                codes = {"WIDGET_EXISTS", "WIDGET_LIMIT"},
                description = "Already there.")
        @PostMapping("/v1/widgets")
        ResponseEntity<WidgetResponse> create(@RequestBody WidgetRequest request, CurrentUser user) {
            return ResponseEntity.created(URI.create("/v1/widgets/1"))
                    .body(new WidgetResponse(1, request.widgetName(), 10, null));
        }

        @ProblemResponse(status = 404, codes = "WIDGET_NOT_FOUND")
        @GetMapping("/v1/widgets/{widgetId}")
        WidgetResponse get(@PathVariable long widgetId, Optional<CurrentUser> user) {
            return new WidgetResponse(widgetId, "w", 10, null);
        }

        @GetMapping("/v1/admin/widgets/{widgetId}")
        WidgetResponse adminGet(@PathVariable long widgetId, CurrentUser admin) {
            return new WidgetResponse(widgetId, "w", 10, null);
        }
    }
}
