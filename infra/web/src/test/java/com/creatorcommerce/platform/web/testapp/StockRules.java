package com.creatorcommerce.platform.web.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.stereotype.Service;
import org.springframework.validation.annotation.Validated;

/** A service validated by method validation: its violations surface as ConstraintViolationException. */
@Service
@Validated
class StockRules {

    record Reservation(@NotBlank String skuCode, @Min(1) int reservedQuantity) {}

    void reserve(@Min(1) int quantity) {}

    void reserve(@Valid Reservation reservation) {}
}
