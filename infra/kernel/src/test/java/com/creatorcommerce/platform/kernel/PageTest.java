package com.creatorcommerce.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

    @Test
    void aPageKnowsWhetherMoreFollow() {
        assertThat(new Page<>(List.of(1, 2), 5, 2, 2).hasMore()).isTrue();
        assertThat(new Page<>(List.of(5), 5, 3, 2).hasMore()).isFalse();
        assertThat(new Page<>(List.of(), 0, 1, 20).hasMore()).isFalse();
    }

    @Test
    void offsetCountsFromPageOneWithoutOverflow() {
        assertThat(Page.offset(1, 20)).isZero();
        assertThat(Page.offset(3, 20)).isEqualTo(40);
        assertThat(Page.offset(Integer.MAX_VALUE, 100)).isEqualTo((Integer.MAX_VALUE - 1L) * 100);
    }

    @Test
    void mapKeepsTheCountsAndTheItemsAreACopy() {
        List<Integer> rows = new ArrayList<>(List.of(1, 2));
        Page<Integer> page = new Page<>(rows, 7, 1, 2);
        rows.add(3);
        Page<String> mapped = page.map(i -> "#" + i);
        assertThat(mapped.items()).containsExactly("#1", "#2");
        assertThat(mapped.total()).isEqualTo(7);
        assertThat(mapped.page()).isEqualTo(1);
        assertThat(mapped.pageSize()).isEqualTo(2);
    }

    @Test
    void refusesAPageBelowOne() {
        assertThatThrownBy(() -> new Page<>(List.of(), 0, 0, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Page<>(List.of(), 0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
