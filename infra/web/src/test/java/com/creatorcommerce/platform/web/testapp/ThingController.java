package com.creatorcommerce.platform.web.testapp;

import com.creatorcommerce.platform.web.ApiException;
import com.creatorcommerce.platform.web.CurrentUser;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

@RestController
@RequestMapping("/v1/things")
class ThingController {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CreateThing(
            @NotBlank @Size(max = 50) String thingName,
            @NotNull @Min(1) Integer quantity,
            @JsonProperty("sku") @Size(max = 5) String skuCode,
            List<@Valid Tag> tags) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Tag(@NotBlank String tagLabel) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Thing(String id, String ownerId, String thingName, int quantity) {}

    private final JdbcTemplate jdbc;
    private final StockRules stockRules;

    ThingController(JdbcTemplate jdbc, StockRules stockRules) {
        this.jdbc = jdbc;
        this.stockRules = stockRules;
    }

    @PostMapping("/reserve")
    void reserve(@RequestParam int quantity, @RequestParam(required = false) String sku) {
        if (sku == null) {
            stockRules.reserve(quantity);
        } else {
            stockRules.reserve(new StockRules.Reservation(sku, quantity));
        }
    }

    @PostMapping
    ResponseEntity<Thing> create(
            @Valid @RequestBody CreateThing request,
            CurrentUser user,
            @RequestParam(name = "delay_ms", defaultValue = "0") long delayMs)
            throws InterruptedException {
        if (delayMs > 0) {
            Thread.sleep(delayMs);
        }
        Thing thing = insert(user.id(), request.thingName(), request.quantity());
        return ResponseEntity.created(URI.create("/v1/things/" + thing.id())).body(thing);
    }

    @PostMapping("/async")
    Callable<ResponseEntity<Thing>> createAsync(@Valid @RequestBody CreateThing request, CurrentUser user) {
        return () -> {
            Thread.sleep(50);
            Thing thing = insert(user.id(), request.thingName(), request.quantity());
            return ResponseEntity.created(URI.create("/v1/things/" + thing.id()))
                    .body(thing);
        };
    }

    /** Records every execution, then fails with a 500 on the first one of a given label. */
    @PostMapping("/flaky")
    ResponseEntity<Map<String, Object>> flaky(@RequestBody Map<String, String> body, CurrentUser user) {
        String label = body.get("label");
        jdbc.update("INSERT INTO attempt (owner_id, label) VALUES (?, ?)", user.id(), label);
        Integer executions = jdbc.queryForObject(
                "SELECT COUNT(*) FROM attempt WHERE owner_id = ? AND label = ?", Integer.class, user.id(), label);
        if (executions == 1) {
            throw new IllegalStateException("first attempt fails");
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("executions", executions));
    }

    /** Records every execution, takes its time, and answers how many executions there were so far. */
    @PostMapping("/attempts")
    ResponseEntity<Map<String, Object>> attempts(
            @RequestBody Map<String, String> body,
            CurrentUser user,
            @RequestParam(name = "delay_ms", defaultValue = "0") long delayMs)
            throws InterruptedException {
        String label = body.get("label");
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(
                c -> {
                    var ps = c.prepareStatement(
                            "INSERT INTO attempt (owner_id, label) VALUES (?, ?)", new String[] {"id"});
                    ps.setLong(1, user.id());
                    ps.setString(2, label);
                    return ps;
                },
                keys);
        Thread.sleep(delayMs);
        Integer executions = jdbc.queryForObject(
                "SELECT COUNT(*) FROM attempt WHERE owner_id = ? AND label = ?", Integer.class, user.id(), label);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("attempt_id", keys.getKey().toString(), "executions", executions));
    }

    @GetMapping("/{id}")
    Thing get(@PathVariable long id) {
        return jdbc
                .query(
                        "SELECT id, owner_id, thing_name, quantity FROM thing WHERE id = ?",
                        (rs, i) -> new Thing(
                                Long.toString(rs.getLong(1)),
                                Long.toString(rs.getLong(2)),
                                rs.getString(3),
                                rs.getInt(4)),
                        id)
                .stream()
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("THING_NOT_FOUND", "No thing " + id));
    }

    @GetMapping
    Map<String, Object> list(@RequestParam(name = "page_size", defaultValue = "20") @Min(1) @Max(100) int pageSize) {
        return Map.of("page_size", pageSize);
    }

    @GetMapping("/search")
    Map<String, Object> search(@RequestParam String q) {
        return Map.of("q", q);
    }

    @PostMapping("/sold-out")
    void soldOut() {
        throw ApiException.conflict("THING_SOLD_OUT", "No things left.").with("available_quantity", 0);
    }

    @PostMapping("/boom")
    void boom() {
        throw new IllegalStateException("secret: SELECT password FROM users WHERE id = 1");
    }

    @PostMapping("/optimistic")
    void optimistic() {
        throw new OptimisticLockingFailureException("Row was updated or deleted by another transaction: thing#7");
    }

    @PostMapping("/admin-only")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Object> adminOnly() {
        return Map.of("ok", true);
    }

    @GetMapping("/me")
    Map<String, Object> me(CurrentUser user) {
        return Map.of("id", user.id(), "roles", new TreeSet<>(user.roles()), "admin", user.isAdmin());
    }

    private Thing insert(long ownerId, String name, int quantity) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(
                c -> {
                    var ps = c.prepareStatement(
                            "INSERT INTO thing (owner_id, thing_name, quantity) VALUES (?, ?, ?)", new String[] {"id"});
                    ps.setLong(1, ownerId);
                    ps.setString(2, name);
                    ps.setInt(3, quantity);
                    return ps;
                },
                keys);
        return new Thing(keys.getKey().toString(), Long.toString(ownerId), name, quantity);
    }
}
